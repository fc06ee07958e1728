import { activitySearchText, documentTokens, type ActivityCategoryId } from '@kumamoto/domain';
import type pg from 'pg';

/**
 * Data at city scale for the bench (issue 5): residents, organizer groups and activities,
 * written with set-based SQL so 100,000 activities take seconds, not minutes. Texts come from
 * a few hundred templates whose search columns are computed by the domain's own functions,
 * exactly as the server computes them.
 */
const places = [
  '白川河川敷',
  '水前寺公園',
  '江津湖',
  '花畑広場',
  '熊本城二の丸',
  '健軍商店街',
  '託麻原公園',
  '坪井川緑地',
  '立田山',
  '金峰山',
  '動植物園',
  '城南町総合スポーツセンター',
];
const kinds: { title: string; content: string; category: ActivityCategoryId }[] = [
  {
    title: 'まち清掃ボランティア',
    content: 'ごみ拾いと草取りをします。軍手とごみ袋は用意します。',
    category: 'environment',
  },
  {
    title: '防災訓練のお手伝い',
    content: '避難所の設営と受付を体験します。',
    category: 'disaster_prevention',
  },
  {
    title: '子ども食堂のお手伝い',
    content: '調理と配膳、子どもたちとの遊びを手伝います。',
    category: 'children',
  },
  { title: '夏祭りの運営スタッフ', content: '会場設営、受付、片付けをします。', category: 'event' },
  { title: '高齢者サロンの交流会', content: 'お茶を飲みながらお話をし、体操をします。', category: 'welfare' },
  { title: '通学路の見守り活動', content: '朝の登校時間に横断歩道で見守ります。', category: 'safety' },
  {
    title: 'ウォーキング大会の給水係',
    content: 'コース途中の給水所で水を配ります。',
    category: 'sports_health',
  },
  {
    title: '外国人住民の日本語教室',
    content: 'やさしい日本語で会話の練習相手をします。',
    category: 'international',
  },
  {
    title: '図書館の読み聞かせ会',
    content: '絵本の読み聞かせと本の整理をします。',
    category: 'culture_learning',
  },
  { title: '花壇の植え替え', content: '季節の花を植え、水やりの当番を決めます。', category: 'environment' },
];
export const districts = [
  'keitoku',
  'shirakawa',
  'kurokami',
  'oe',
  'izumi',
  'kengun',
  'akitsu',
  'nagamine',
  'ezu',
  'kasuga',
];

export interface ScaleCounts {
  residents: number;
  groups: number;
  activities: number;
}

export async function generateCityScale(client: pg.Client, counts: ScaleCounts): Promise<void> {
  await client.query(
    `insert into users (display_name, identity_level, card_name, card_address, card_birth_date, card_gender, verified_at,
                        school_district_code, school_district_source)
     select '住民' || g, 'verified', '熊本 住民' || g, '熊本県熊本市中央区手取本町' || (g % 50 + 1) || '番',
            date '1950-01-01' + (g % 20000), (array['male','female','unspecified'])[g % 3 + 1], now(),
            (select code from school_districts order by code offset (g % 10) limit 1), 'address'
     from generate_series(1, $1::int) g`,
    [counts.residents],
  );
  await client.query(`create temporary table bench_groups (n int primary key, id uuid not null)`);
  await client.query(
    `with admins as (select id, row_number() over (order by id) n from users where display_name like '住民%' limit $1),
     apps as (insert into organizer_applications (applicant_user_id, status, details, round, created_at, updated_at, submitted_at)
              select id, 'approved', jsonb_build_object('name', 'ベンチ自治会' || n, 'category', 'machizukuri_committee'), 1, now(), now(), now()
              from admins returning id, applicant_user_id),
     groups as (insert into organizer_groups (application_id, details, status, rights_end, created_at, updated_at)
                select apps.id, jsonb_build_object('name', 'ベンチ自治会' || admins.n), 'active', '2099-03-31', now(), now()
                from apps join admins on admins.id = apps.applicant_user_id returning id, application_id),
     members as (insert into organizer_members (group_id, user_id, role, joined_at)
                 select groups.id, apps.applicant_user_id, 'admin', now() from groups join apps on apps.id = groups.application_id)
     insert into bench_groups select row_number() over (order by id), id from groups`,
    [counts.groups],
  );
  await client.query(
    `create temporary table bench_templates (n int primary key, title text, content text, place text, category text,
       search_text text, search_tokens text[])`,
  );
  const templates = places.flatMap((place) => kinds.map((kind) => ({ place, ...kind })));
  for (const [n, t] of templates.entries()) {
    const title = `${place(t.place)}${t.title}`;
    const searchText = activitySearchText({
      title,
      message: '地域のために一緒に活動しませんか。',
      content: t.content,
      targetParticipants: 'どなたでも参加できます',
      placeName: t.place,
      address: '熊本県熊本市',
      category: t.category,
    });
    await client.query(`insert into bench_templates values ($1, $2, $3, $4, $5, $6, $7)`, [
      n,
      title,
      t.content,
      t.place,
      t.category,
      searchText,
      documentTokens(searchText),
    ]);
  }
  // Dates from 180 days ago to 180 days ahead; one in ten unlisted, draft or cancelled; capacity on most.
  await client.query(
    `insert into activities (group_id, visibility, cancelled_at, title, message, content, target_participants, place_name,
       address, starts_at, ends_at, lat, lng, category, capacity, insurance, school_district_code, eligibility, share_token,
       search_text, search_tokens, applicant_count, published_at, created_at, updated_at)
     select g2.id,
            case when g % 10 = 1 then 'unlisted' when g % 10 = 2 then 'draft' else 'public' end,
            case when g % 10 = 3 then now() end,
            t.title, '地域のために一緒に活動しませんか。', t.content, 'どなたでも参加できます', t.place, '熊本県熊本市',
            start, start + interval '2 hours',
            32.80 + ((g::bigint * 7919) % 2000 - 1000) / 10000.0, 130.71 + ((g::bigint * 104729) % 2000 - 1000) / 10000.0,
            t.category, cap, 'group_policy', (array[${districts.map((d) => `'${d}'`).join(',')}])[g % ${districts.length} + 1],
            '[]'::jsonb, 'bench' || g || md5(g::text), t.search_text, t.search_tokens,
            case when cap is null then 0 else (g::bigint * 31) % (cap + 1) end, now(), now(), now()
     from generate_series(1, $1::int) g
     cross join lateral (select date_trunc('hour', now()) + ((g::bigint * 37) % 360 - 180) * interval '1 day'
                                + ((g % 8) + 8) * interval '1 hour' as start,
                                case when g % 4 = 0 then null else 10 + (g % 5) * 10 end as cap) s
     join bench_templates t on t.n = g % ${templates.length}
     join bench_groups g2 on g2.n = g % $2::int + 1`,
    [counts.activities, counts.groups],
  );
  await client.query('analyze');
}

function place(name: string): string {
  return name.endsWith('公園') || name.endsWith('湖') ? `${name}で` : `${name}の`;
}
