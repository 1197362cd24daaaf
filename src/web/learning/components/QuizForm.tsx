// A quiz as a plain form: one fieldset per question, radio buttons for single choice, check boxes for multiple
// choice. Answered and graded on the server; no JavaScript.
import type { PublicQuiz } from '../../../modules/learning/learning.quiz.ts';
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';

export function QuizForm({ quiz, disabled }: { quiz: PublicQuiz; disabled: boolean }) {
  const t = useT();
  return (
    <form method="post" className="form learn-quiz" noValidate>
      <input type="hidden" name="intent" value="answer" />
      <FormToken />
      {quiz.questions.map((q, i) => (
        <fieldset key={q.id} disabled={disabled}>
          <legend>
            {t('learning.quiz.questionNumber', { n: i + 1 })} {q.prompt}
          </legend>
          {q.multiple ? <p className="hint">{t('learning.quiz.chooseAll')}</p> : null}
          {q.options.map((o) => (
            <div key={o.id} className="learn-option">
              <input id={o.id} type={q.multiple ? 'checkbox' : 'radio'} name={q.id} value={o.id} />
              <label htmlFor={o.id}>{o.label}</label>
            </div>
          ))}
        </fieldset>
      ))}
      <div>
        <button type="submit" disabled={disabled}>
          {t('learning.quiz.submit')}
        </button>
      </div>
    </form>
  );
}
