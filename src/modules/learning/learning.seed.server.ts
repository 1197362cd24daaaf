// Demo learning content (demo mode only, first start): a short published path of the provincial library (a
// reading page and a quiz) and a reading challenge for the Vietnamese Book and Reading Culture Day (21/4),
// written through the repositories like the other demo seeds. Marked as demo in their texts.
import type { AppDeps } from '../../app/deps.types.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { newId } from './learning.ids.server.ts';
import { parseQuizText } from './learning.quiz.ts';
import { DEMO_PATH_ID } from './learning.vocab.ts';

const DEMO = '(Dữ liệu minh họa — demo.)';

export async function seedDemoLearning(deps: AppDeps): Promise<void> {
  const library = await deps.repos.units.byCode(deps.db, 'thu-vien-tinh');
  if (!library) return;
  const quiz = parseQuizText(`? Ngày Sách và Văn hóa đọc Việt Nam là ngày nào?
* 21/4
- 23/4
- 2/10
? Những dịch vụ nào thư viện tỉnh có?
* Cho mượn sách
* Thư viện lưu động
- Bán vé máy bay`);
  if (!quiz.ok) return;
  // A fixed id: the credentials demo seed names it in a badge's award rule (path completed).
  const pathId = DEMO_PATH_ID;
  const year = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  const today = isoDateInVietnam(deps.now());
  const readingDay = `${year}-04-21` >= today ? year : year + 1;
  await deps.db.transaction(async (tx) => {
    await deps.repos.learningPaths.insert(
      tx,
      {
        id: pathId,
        unitId: library.id,
        title: 'Làm quen với thư viện',
        summary: `Ba phút để biết thư viện tỉnh cho bạn những gì. ${DEMO}`,
        completionRule: 'all_steps',
      },
      null,
    );
    const step = { fileId: null, alt: null, url: null, refId: null, required: true, pathId };
    await deps.repos.learningPaths.insertStep(tx, {
      ...step,
      id: newId('lstep'),
      kind: 'page',
      title: 'Thư viện cho bạn những gì',
      body: '<p>Thư viện tỉnh cho mượn sách miễn phí, có phòng đọc cho thiếu nhi và xe thư viện lưu động về các xã.</p>',
      quiz: null,
    });
    await deps.repos.learningPaths.insertStep(tx, {
      ...step,
      id: newId('lstep'),
      kind: 'quiz',
      title: 'Kiểm tra nhanh',
      body: '',
      quiz: { questions: quiz.questions, passMark: 100, maxAttempts: 3 },
    });
    await deps.repos.learningPaths.setStatus(tx, pathId, 'published');
    const challengeId = newId('rch');
    await deps.repos.challenges.insert(
      tx,
      {
        id: challengeId,
        unitId: library.id,
        title: `Thử thách đọc mừng ngày 21/4/${readingDay}`,
        description: `Đọc 5 cuốn sách trong tháng Tư. ${DEMO}`,
        startsOn: `${readingDay}-04-01`,
        endsOn: `${readingDay}-04-30`,
        goalKind: 'books',
        goal: 5,
        groupKind: 'class',
      },
      null,
    );
    await deps.repos.challenges.setStatus(tx, challengeId, 'published');
  });
}
