// What the news module holds about a person: the staff account that wrote an article (author_id). Erasure
// forgets the author; the article stays (it is the unit's publication, not personal data).
import type { PersonalDataHandler } from '../../app/module.ts';

export const newsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'news_articles',
      fields: ['author_id'],
      purpose: 'news.privacy.purpose',
      retention: 'news.privacy.retention',
      visibleTo: 'news.privacy.visibleTo',
    },
  ],
  async export(deps, db, subject) {
    if (!subject.userId) return { news_articles: [] };
    return { news_articles: await deps.repos.news.authoredBy(db, subject.userId) };
  },
  async erase(deps, db, subject) {
    if (subject.userId) await deps.repos.news.forgetAuthor(db, subject.userId);
  },
};
