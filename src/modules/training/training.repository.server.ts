// SQL for staff training: courses, sessions, participants, attendance, certificates, records and totals.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './training.ids.server.ts';
import type { OrganiserLevel } from './training.vocab.ts';

export interface CourseValues {
  unitId: string;
  organiserLevel: OrganiserLevel;
  organiser: string;
  title: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  placeId: string | null;
  onlineUrl: string | null;
  planInstanceIds: string[];
}

export interface CourseRecord extends CourseValues {
  id: string;
  version: number;
  createdAt: Date;
}

export interface SessionRecord {
  id: string;
  courseId: string;
  heldOn: string;
  title: string;
  hours: number;
}

export interface ParticipantRecord {
  courseId: string;
  userId: string;
  unitId: string;
  certificateFileId: string | null;
  certificateNo: string | null;
  sessionIds: string[];
}

const COLUMNS = sql`id, unit_id AS "unitId", organiser_level AS "organiserLevel", organiser, title, topic,
  starts_on AS "startsOn", ends_on AS "endsOn", place_id AS "placeId", online_url AS "onlineUrl",
  plan_instance_ids AS "planInstanceIds", version, created_at AS "createdAt"`;

const toCourse = (r: CourseRecord): CourseRecord => ({
  ...r,
  startsOn: toDay(r.startsOn) as string,
  endsOn: toDay(r.endsOn) as string,
  planInstanceIds: r.planInstanceIds ?? [],
  createdAt: toDate(r.createdAt) as Date,
});

const folded = (v: CourseValues) => fold(`${v.title} ${v.topic} ${v.organiser}`);
const unitFilter = (col: string, unitIds: readonly string[] | undefined) =>
  unitIds ? sql`AND ${sql.raw(col)} = ANY(${textArray(unitIds)}::text[])` : sql``;

export function createTrainingRepository() {
  return {
    async insertCourse(db: Db, v: CourseValues, createdBy: string | null): Promise<string> {
      const id = newId('trc');
      await db.execute(sql`INSERT INTO training_courses (id, unit_id, organiser_level, organiser, title, topic,
        starts_on, ends_on, place_id, online_url, plan_instance_ids, search_folded, created_by)
        VALUES (${id}, ${v.unitId}, ${v.organiserLevel}, ${v.organiser}, ${v.title}, ${v.topic}, ${v.startsOn},
        ${v.endsOn}, ${v.placeId}, ${v.onlineUrl}, ${textArray(v.planInstanceIds)}::text[], ${folded(v)},
        ${createdBy})`);
      return id;
    },
    async updateCourse(db: Db, id: string, v: CourseValues, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE training_courses SET unit_id = ${v.unitId}, organiser_level = ${v.organiserLevel},
          organiser = ${v.organiser}, title = ${v.title}, topic = ${v.topic}, starts_on = ${v.startsOn},
          ends_on = ${v.endsOn}, place_id = ${v.placeId}, online_url = ${v.onlineUrl},
          plan_instance_ids = ${textArray(v.planInstanceIds)}::text[], search_folded = ${folded(v)},
          version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async courseById(db: Db, id: string): Promise<CourseRecord | undefined> {
      const rows = await queryRows<CourseRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM training_courses WHERE id = ${id}`,
      );
      return rows[0] ? toCourse(rows[0]) : undefined;
    },
    async listCourses(
      db: Db,
      f: {
        q?: string | undefined;
        level?: OrganiserLevel | undefined;
        unitIds: readonly string[];
        limit: number;
      },
    ) {
      const parts = [sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`];
      if (f.level) parts.push(sql`organiser_level = ${f.level}`);
      for (const w of fold(f.q ?? '')
        .split(' ')
        .filter(Boolean))
        parts.push(sql`search_folded LIKE ${`%${likeEscape(w)}%`}`);
      const rows = await queryRows<CourseRecord & { participants: number; hours: number }>(
        db,
        sql`SELECT ${COLUMNS},
          (SELECT count(*)::int FROM training_participants p WHERE p.course_id = c.id) AS participants,
          (SELECT coalesce(sum(s.hours), 0)::float FROM training_sessions s WHERE s.course_id = c.id) AS hours
          FROM training_courses c WHERE ${sql.join(parts, sql` AND `)} ORDER BY starts_on DESC, id LIMIT ${f.limit}`,
      );
      return rows.map((r) => ({
        ...toCourse(r),
        participants: Number(r.participants),
        hours: Number(r.hours),
      }));
    },
    async addSession(db: Db, courseId: string, s: { heldOn: string; title: string; hours: number }) {
      const id = newId('trs');
      await db.execute(sql`INSERT INTO training_sessions (id, course_id, held_on, title, hours)
        VALUES (${id}, ${courseId}, ${s.heldOn}, ${s.title}, ${s.hours})`);
      return id;
    },
    async sessions(db: Db, courseId: string): Promise<SessionRecord[]> {
      const rows = await queryRows<SessionRecord>(
        db,
        sql`SELECT id, course_id AS "courseId", held_on AS "heldOn", title, hours::float AS hours
          FROM training_sessions WHERE course_id = ${courseId} ORDER BY held_on, id`,
      );
      return rows.map((r) => ({ ...r, heldOn: toDay(r.heldOn) as string, hours: Number(r.hours) }));
    },
    /** Adds participants; answers the ones that were new. */
    async addParticipants(
      db: Db,
      courseId: string,
      people: ReadonlyArray<{ userId: string; unitId: string }>,
    ) {
      const added: string[] = [];
      for (const p of people) {
        const rows = await queryRows<{ user_id: string }>(
          db,
          sql`INSERT INTO training_participants (course_id, user_id, unit_id) VALUES (${courseId}, ${p.userId},
            ${p.unitId}) ON CONFLICT (course_id, user_id) DO NOTHING RETURNING user_id`,
        );
        if (rows[0]) added.push(p.userId);
      }
      return added;
    },
    async participants(db: Db, courseId: string): Promise<ParticipantRecord[]> {
      const rows = await queryRows<ParticipantRecord>(
        db,
        sql`SELECT p.course_id AS "courseId", p.user_id AS "userId", p.unit_id AS "unitId",
          p.certificate_file_id AS "certificateFileId", p.certificate_no AS "certificateNo",
          coalesce(array_agg(a.session_id) FILTER (WHERE a.session_id IS NOT NULL), '{}') AS "sessionIds"
          FROM training_participants p
          LEFT JOIN training_attendance a ON a.course_id = p.course_id AND a.user_id = p.user_id
          WHERE p.course_id = ${courseId} GROUP BY p.course_id, p.user_id, p.unit_id, p.certificate_file_id,
          p.certificate_no, p.added_at ORDER BY p.added_at, p.user_id`,
      );
      return rows.map((r) => ({ ...r, sessionIds: r.sessionIds ?? [] }));
    },
    /** Replaces who attended one session (only the course's participants). */
    async setAttendance(db: Db, courseId: string, sessionId: string, userIds: readonly string[]) {
      await db.execute(sql`DELETE FROM training_attendance WHERE session_id = ${sessionId}`);
      if (userIds.length)
        await db.execute(sql`INSERT INTO training_attendance (session_id, course_id, user_id)
          SELECT ${sessionId}, course_id, user_id FROM training_participants
          WHERE course_id = ${courseId} AND user_id = ANY(${textArray(userIds)}::text[])`);
    },
    async setCertificate(db: Db, courseId: string, userId: string, fileId: string, no: string | null) {
      const rows = await queryRows<{ user_id: string }>(
        db,
        sql`UPDATE training_participants SET certificate_file_id = ${fileId}, certificate_no = ${no}
          WHERE course_id = ${courseId} AND user_id = ${userId} RETURNING user_id`,
      );
      return rows.length === 1;
    },
    /** Courses one person took part in, with the hours they attended. */
    async recordOf(db: Db, userId: string) {
      const rows = await queryRows<{
        courseId: string;
        title: string;
        organiserLevel: OrganiserLevel;
        startsOn: string;
        endsOn: string;
        unitId: string;
        courseUnitId: string;
        hours: number;
        sessions: number;
        certificateFileId: string | null;
        certificateNo: string | null;
      }>(
        db,
        sql`SELECT c.id AS "courseId", c.title, c.organiser_level AS "organiserLevel", c.starts_on AS "startsOn",
          c.ends_on AS "endsOn", p.unit_id AS "unitId", c.unit_id AS "courseUnitId",
          coalesce(sum(s.hours), 0)::float AS hours, count(s.id)::int AS sessions,
          p.certificate_file_id AS "certificateFileId", p.certificate_no AS "certificateNo"
          FROM training_participants p JOIN training_courses c ON c.id = p.course_id
          LEFT JOIN training_attendance a ON a.course_id = p.course_id AND a.user_id = p.user_id
          LEFT JOIN training_sessions s ON s.id = a.session_id
          WHERE p.user_id = ${userId}
          GROUP BY c.id, p.unit_id, p.certificate_file_id, p.certificate_no ORDER BY c.starts_on DESC`,
      );
      return rows.map((r) => ({
        ...r,
        startsOn: toDay(r.startsOn) as string,
        endsOn: toDay(r.endsOn) as string,
        hours: Number(r.hours),
      }));
    },
    /** Per person of these units: courses, attended hours, certificates (the unit's training record). */
    async unitRecord(db: Db, unitIds: readonly string[], from: string, to: string) {
      const rows = await queryRows<{
        userId: string;
        unitId: string;
        courses: number;
        hours: number;
        certificates: number;
      }>(
        db,
        sql`SELECT p.user_id AS "userId", p.unit_id AS "unitId", count(DISTINCT p.course_id)::int AS courses,
          coalesce(sum(s.hours), 0)::float AS hours,
          count(DISTINCT p.course_id) FILTER (WHERE p.certificate_file_id IS NOT NULL)::int AS certificates
          FROM training_participants p JOIN training_courses c ON c.id = p.course_id
          LEFT JOIN training_attendance a ON a.course_id = p.course_id AND a.user_id = p.user_id
          LEFT JOIN training_sessions s ON s.id = a.session_id
          WHERE p.unit_id = ANY(${textArray(unitIds)}::text[]) AND c.starts_on < ${to} AND c.ends_on >= ${from}
          GROUP BY p.user_id, p.unit_id ORDER BY p.unit_id, hours DESC`,
      );
      return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
    },
    /** Distinct people who attended a session in [from, to), or the hours they attended; total or per unit. */
    async totals(
      db: Db,
      q: {
        what: 'people' | 'hours';
        from: string;
        to: string;
        unitIds?: readonly string[] | undefined;
        byUnit: boolean;
      },
    ) {
      const value =
        q.what === 'people' ? sql`count(DISTINCT a.user_id)::float` : sql`coalesce(sum(s.hours), 0)::float`;
      const key = q.byUnit ? sql`p.unit_id` : sql`NULL`;
      const rows = await queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, ${value} AS value FROM training_attendance a
          JOIN training_sessions s ON s.id = a.session_id
          JOIN training_participants p ON p.course_id = a.course_id AND p.user_id = a.user_id
          WHERE s.held_on >= ${q.from} AND s.held_on < ${q.to} ${unitFilter('p.unit_id', q.unitIds)}
          ${q.byUnit ? sql`GROUP BY p.unit_id` : sql``}`,
      );
      return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
    },
    /** The people (user ids) who attended a session held on a day in [from, to), for the equity view. */
    async attendees(db: Db, q: { from: string; to: string; unitIds?: readonly string[] | undefined }) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`SELECT DISTINCT a.user_id AS id FROM training_attendance a
          JOIN training_sessions s ON s.id = a.session_id
          JOIN training_participants p ON p.course_id = a.course_id AND p.user_id = a.user_id
          WHERE s.held_on >= ${q.from} AND s.held_on < ${q.to} ${unitFilter('p.unit_id', q.unitIds)}`,
      );
      return rows.map((r) => r.id);
    },
    async forPlanInstances(db: Db, ids: readonly string[]) {
      if (!ids.length) return [];
      const rows = await queryRows<CourseRecord>(
        db,
        sql`SELECT ${COLUMNS} FROM training_courses WHERE plan_instance_ids && ${textArray(ids)}::text[]
          ORDER BY starts_on DESC`,
      );
      return rows.map(toCourse);
    },
    async participationOf(db: Db, userId: string) {
      return queryRows<Record<string, unknown>>(
        db,
        sql`SELECT p.course_id, p.unit_id, p.certificate_no, p.certificate_file_id, p.added_at,
          (SELECT coalesce(array_agg(a.session_id), '{}') FROM training_attendance a
            WHERE a.course_id = p.course_id AND a.user_id = p.user_id) AS attended_sessions
          FROM training_participants p WHERE p.user_id = ${userId} ORDER BY p.added_at`,
      );
    },
    /** Erasure: the person's rows keep counting under a pseudonym; the certificate link is dropped. */
    async pseudonymise(db: Db, userId: string, pseudonym: string) {
      await db.execute(sql`UPDATE training_participants SET user_id = ${pseudonym}, certificate_file_id = NULL,
        certificate_no = NULL WHERE user_id = ${userId}`);
    },
  };
}
