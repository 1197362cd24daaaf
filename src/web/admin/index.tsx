import { useT } from '../i18n.ts';

export default function AdminHome() {
  const t = useT();
  return (
    <>
      <title>{`${t('admin.dashboard')} — Suốt Đời`}</title>
      <h1>{t('admin.dashboard')}</h1>
      <p>{t('admin.welcome')}</p>
    </>
  );
}
