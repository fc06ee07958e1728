import type { ActivityCategoryId, CardIdentity, InsuranceArrangement } from '@kumamoto/domain';

/**
 * The demo's activities (issue 5 part 7), written as a resident would read them: realistic
 * Kumamoto places, school districts of the sample table, dates relative to the day the demo
 * starts. `demo-seed.ts` writes them.
 */

export interface Place {
  name: string;
  address: string;
  lat: number;
  lng: number;
}

const place = (name: string, address: string, lat: number, lng: number): Place => ({
  name,
  address,
  lat,
  lng,
});
const places = {
  shirakawa: place('白川河川敷（大甲橋下流）', '熊本市中央区新屋敷1丁目', 32.7985, 130.7146),
  suizenji: place('水前寺成趣園 正門前', '熊本市中央区水前寺公園8-1', 32.7906, 130.7347),
  ezuko: place('江津湖 広木公園側', '熊本市東区広木町', 32.7754, 130.7444),
  tsuboi: place('坪井川遊水公園', '熊本市中央区京町本丁', 32.8155, 130.7002),
  hanabata: place('花畑広場', '熊本市中央区花畑町7-10', 32.8006, 130.706),
  castle: place('熊本城 二の丸広場', '熊本市中央区二の丸2', 32.8064, 130.7028),
  kengun: place('健軍商店街 アーケード', '熊本市東区健軍3丁目', 32.789, 130.764),
  tatsuda: place('立田山 自然観察路入口', '熊本市北区龍田1丁目', 32.8268, 130.7315),
  nagamine: place('長嶺地域コミュニティセンター', '熊本市東区長嶺南2丁目', 32.809, 130.774),
  kurokami: place('黒髪校区公民館', '熊本市中央区黒髪3丁目', 32.814, 130.727),
  sekidai: place('碩台地域コミュニティセンター', '熊本市中央区内坪井町', 32.811, 130.72),
  akitsu: place('秋津川 秋津橋たもと', '熊本市東区秋津3丁目', 32.783, 130.783),
  kasuga: place('春日小学校 体育館', '熊本市西区春日1丁目', 32.79, 130.689),
  higashimachi: place('東町校区の各ご家庭（集合：東町公民館）', '熊本市東区東町3丁目', 32.787, 130.753),
  obiyama: place('帯山小学校 運動場', '熊本市中央区帯山4丁目', 32.8, 130.75),
  oe: place('大江公民館', '熊本市中央区大江5丁目', 32.8, 130.725),
  sunatori: place('砂取校区 第2ごみステーション', '熊本市中央区水前寺4丁目', 32.795, 130.73),
  honjo: place('本荘地域の子ども食堂「ほんじょうキッチン」', '熊本市中央区本荘6丁目', 32.793, 130.715),
  izumi: place('出水南中学校 グラウンド', '熊本市中央区出水4丁目', 32.785, 130.733),
  keitoku: place('慶徳小学校 正門前の交差点', '熊本市中央区上通町', 32.8035, 130.7095),
  gofuku: place('五福まちづくり交流センター', '熊本市中央区呉服町', 32.805, 130.699),
  kawashiri: place('川尻公民館', '熊本市南区川尻4丁目', 32.74, 130.682),
  tamukae: place('田迎地域コミュニティセンター', '熊本市南区田迎5丁目', 32.774, 130.72),
  shimizu: place('清水校区防災広場', '熊本市北区清水万石', 32.84, 130.72),
  musashi: place('武蔵ケ丘 四季の里公園', '熊本市北区武蔵ケ丘', 32.844, 130.766),
  ezu: place('画図小学校 体育館', '熊本市東区画図町', 32.772, 130.74),
} satisfies Record<string, Place>;

export type When =
  | { day: number; from: string; hours: number }
  /** Started an hour ago (rounded to the hour): the check-in demo's activity. */
  | 'under_way'
  /** Starts in about three hours. */
  | 'later_today';

export interface DemoActivity {
  title: string;
  category: ActivityCategoryId;
  district: string;
  place: Place;
  when: When;
  capacity: number | null;
  content: string;
  belongings?: string;
  clothing?: string;
  parking?: string;
  target?: string;
  insurance?: InsuranceArrangement;
  visibility?: 'public' | 'unlisted' | 'draft';
  cancelled?: string;
  restrictToDistrict?: boolean;
  /** Places taken by extra demo residents (besides the personas below); 'full' fills the capacity. */
  extras?: number | 'full';
  waitlisted?: number;
  /** The personas' own applications. */
  resident?: 'applied' | 'waitlisted';
  newcomer?: 'applied';
  notice?: string;
}

const at = (day: number, from: string, hours: number): When => ({ day, from, hours });

export const demoActivities: DemoActivity[] = [
  // Ended: in the residents' history (R-ACT-5).
  {
    title: '白川河川敷クリーン作戦',
    category: 'environment',
    district: 'shirakawa',
    place: places.shirakawa,
    when: at(-20, '09:00', 2),
    capacity: 40,
    content: '河川敷のごみ拾いと草取りをします。集めたごみは分別して回収します。',
    extras: 14,
    resident: 'applied',
  },
  {
    title: '水前寺成趣園まわりの花壇の植え替え',
    category: 'environment',
    district: 'izumi',
    place: places.suizenji,
    when: at(-12, '09:30', 2),
    capacity: null,
    content: '季節の花（パンジー・ビオラ）を植え替え、水やり当番を決めます。',
    extras: 6,
    resident: 'applied',
  },
  {
    title: '夏休みラジオ体操の見守り',
    category: 'children',
    district: 'sunatori',
    place: places.sunatori,
    when: at(-30, '06:30', 1),
    capacity: 10,
    content: '朝のラジオ体操に集まる子どもたちの見守りと、出席カードへのスタンプ押しです。',
    extras: 5,
  },
  {
    title: '健軍商店街 七夕まつり運営スタッフ',
    category: 'event',
    district: 'kengun',
    place: places.kengun,
    when: at(-45, '15:00', 5),
    capacity: 12,
    content: '笹飾りの設置、受付、子ども向け短冊コーナーの運営、片付けをします。',
    extras: 'full',
  },
  {
    title: '避難所開設訓練（地域の防災訓練）',
    category: 'disaster_prevention',
    district: 'ezu',
    place: places.ezu,
    when: at(-7, '09:00', 3),
    capacity: 50,
    content: '地震を想定し、体育館に避難所を開設する訓練です。受付、間仕切りの設営、炊き出しを体験します。',
    extras: 9,
  },
  {
    title: '高齢者サロン「いきいき茶話会」のお手伝い',
    category: 'welfare',
    district: 'obiyama',
    place: places.obiyama,
    when: at(-3, '13:30', 2),
    capacity: 6,
    content: 'お茶の準備と、参加者の皆さんとのおしゃべり、簡単な体操のお手伝いです。',
    extras: 3,
  },
  // Today.
  {
    title: '江津湖 水辺のごみ拾い',
    category: 'environment',
    district: 'ezu',
    place: places.ezuko,
    when: 'under_way',
    capacity: null,
    content: '湖畔の遊歩道と水辺のごみを拾います。当日参加も歓迎です（定員なし）。',
    belongings: '飲み物、帽子、タオル（軍手・トング・ごみ袋はこちらで用意します）',
    extras: 7,
    resident: 'applied',
  },
  {
    title: '子ども食堂のお手伝い（夕食づくり）',
    category: 'children',
    district: 'honjo',
    place: places.honjo,
    when: 'later_today',
    capacity: 8,
    content: '地域の子どもたちの夕食づくりと配膳、食後の片付けをします。調理経験は問いません。',
    belongings: 'エプロン、三角巾（またはバンダナ）',
    extras: 'full',
    waitlisted: 2,
  },
  // Upcoming.
  {
    title: '坪井川遊水公園の草刈りボランティア',
    category: 'environment',
    district: 'tsubogawa',
    place: places.tsuboi,
    when: at(2, '08:00', 2),
    capacity: 30,
    content: '遊歩道沿いの草刈りと、刈った草の集積をします。草刈り機は経験者のみ担当します。',
    clothing: '長袖・長ズボン、歩きやすい靴',
    extras: 11,
    resident: 'applied',
    notice: '集合場所を公園北側の東屋に変更しました。雨天の場合は前日17時までにお知らせします。',
  },
  {
    title: '通学路の朝の見守り活動',
    category: 'safety',
    district: 'keitoku',
    place: places.keitoku,
    when: at(3, '07:30', 1),
    capacity: null,
    content: '登校時間に横断歩道で子どもたちの安全を見守り、あいさつの声かけをします。',
    belongings: '見守り用のベストと旗はお貸しします',
    extras: 4,
    newcomer: 'applied',
  },
  {
    title: '夜間の防犯パトロール',
    category: 'safety',
    district: 'kengun',
    place: places.kengun,
    when: at(5, '19:00', 1.5),
    capacity: 15,
    content: '2人1組で校区内を歩き、街灯の切れや危険な場所を確認します。',
    belongings: '懐中電灯（反射たすきはお貸しします）',
    extras: 6,
  },
  {
    title: '子ども食堂のお手伝い（調理・配膳）',
    category: 'children',
    district: 'nagamine',
    place: places.nagamine,
    when: at(6, '16:00', 3),
    capacity: 10,
    content: '月に一度の子ども食堂です。カレーづくりと配膳、子どもたちとの遊びを手伝います。',
    belongings: 'エプロン、三角巾',
    extras: 'full',
    waitlisted: 2,
    resident: 'waitlisted',
  },
  {
    title: '外国人住民と楽しむ日本語おしゃべり会',
    category: 'international',
    district: 'kurokami',
    place: places.kurokami,
    when: at(8, '14:00', 2),
    capacity: 12,
    content: 'やさしい日本語で、熊本に住む外国人の方と会話を楽しみます。英語ができなくても大丈夫です。',
    extras: 5,
  },
  {
    title: '絵本の読み聞かせボランティア',
    category: 'culture_learning',
    district: 'sekidai',
    place: places.sekidai,
    when: at(9, '10:30', 1.5),
    capacity: 5,
    content: '未就学児と保護者向けの読み聞かせ会です。読む本は一緒に選びます。',
    extras: 'full',
  },
  {
    title: '【出水校区の方限定】校区夏祭りの運営スタッフ',
    category: 'event',
    district: 'izumi',
    place: places.izumi,
    when: at(10, '16:00', 5),
    capacity: 25,
    content: '校区の夏祭りで、やぐらの設営、屋台の手伝い、会場の見回り、片付けをします。',
    target: '出水校区にお住まいの方（中学生以上）',
    restrictToDistrict: true,
    extras: 8,
  },
  {
    title: '秋津川 河川清掃',
    category: 'environment',
    district: 'akitsu',
    place: places.akitsu,
    when: at(11, '08:30', 2),
    capacity: 50,
    content: '川の中と土手のごみを拾います。川に入る作業は胴長を着用した大人が担当します。',
    extras: 12,
  },
  {
    title: '地震を想定した避難所運営訓練',
    category: 'disaster_prevention',
    district: 'kasuga',
    place: places.kasuga,
    when: at(13, '09:00', 3),
    capacity: 40,
    content: '熊本地震の経験をもとに、避難所の受付、物資の仕分け、要配慮者への声かけを訓練します。',
    extras: 10,
  },
  {
    title: '一人暮らし高齢者宅の見守り訪問',
    category: 'welfare',
    district: 'higashimachi',
    place: places.higashimachi,
    when: at(14, '10:00', 2),
    capacity: 8,
    content: '民生委員と一緒に一人暮らしの高齢者のお宅を訪ね、お話を伺います。',
    extras: 3,
  },
  {
    title: '校区運動会の準備と運営',
    category: 'sports_health',
    district: 'obiyama',
    place: places.obiyama,
    when: at(16, '08:00', 6),
    capacity: 30,
    content: 'テント張り、用具の出し入れ、競技の進行補助、片付けをします。',
    extras: 9,
  },
  {
    title: '花火大会翌朝の清掃ボランティア',
    category: 'environment',
    district: 'ezu',
    place: places.ezuko,
    when: at(18, '07:00', 2),
    capacity: 100,
    content: '花火大会の翌朝、会場周辺のごみを拾い、分別して回収します。',
    extras: 14,
  },
  {
    title: '防災マップづくりワークショップ',
    category: 'disaster_prevention',
    district: 'oe',
    place: places.oe,
    when: at(20, '13:30', 2.5),
    capacity: 20,
    content: '校区を歩いて危険な場所や避難経路を確かめ、地図にまとめます。',
    extras: 4,
  },
  {
    title: 'くまもと街なか秋まつり 会場案内スタッフ',
    category: 'event',
    district: 'keitoku',
    place: places.hanabata,
    when: at(25, '10:00', 6),
    capacity: 40,
    content: '会場の案内所で来場者に道案内やイベントの説明をします。英語で案内できる方も歓迎です。',
    extras: 13,
  },
  {
    title: '健康ウォーキング大会の給水スタッフ',
    category: 'sports_health',
    district: 'musashi',
    place: places.musashi,
    when: at(27, '08:30', 4),
    capacity: 20,
    content: 'コース途中の給水所で水を配り、参加者に声援を送ります。',
    extras: 6,
  },
  {
    title: '多言語の防災情報 翻訳ボランティア',
    category: 'international',
    district: 'gofuku',
    place: places.gofuku,
    when: at(29, '18:30', 2),
    capacity: 6,
    content: '避難所の案内表示を英語・中国語・ベトナム語・やさしい日本語に翻訳します。',
    extras: 2,
  },
  {
    title: '公民館の障子張り替えと大掃除',
    category: 'other',
    district: 'kawashiri',
    place: places.kawashiri,
    when: at(33, '09:00', 3),
    capacity: 15,
    content: '年末に向けて公民館の障子を張り替え、窓ふきと床のワックスがけをします。',
    extras: 3,
  },
  {
    title: '熊本地震 伝承ガイド講座の運営サポート',
    category: 'culture_learning',
    district: 'tamukae',
    place: places.tamukae,
    when: at(40, '13:00', 3),
    capacity: 10,
    content: '震災の記憶を伝えるガイド講座で、受付と資料配布、会場設営をします。',
    extras: 2,
  },
  {
    title: '災害ボランティアセンター設置訓練',
    category: 'disaster_prevention',
    district: 'shimizu',
    place: places.shimizu,
    when: at(45, '09:00', 4),
    capacity: 30,
    content: '大雨災害を想定し、ボランティアの受付、マッチング、資材の貸し出しを訓練します。',
    extras: 5,
  },
  {
    title: 'ロードサイドの花いっぱい運動',
    category: 'environment',
    district: 'tatsuda',
    place: places.tatsuda,
    when: at(52, '09:00', 2),
    capacity: null,
    content: '県道沿いのプランターに花を植え、水やりの当番表をつくります。',
    extras: 3,
  },
  // Cancelled (R-ACT-4): out of the listings; its participants were told.
  {
    title: '立田山 自然観察路の整備',
    category: 'environment',
    district: 'tatsuda',
    place: places.tatsuda,
    when: at(4, '09:00', 3),
    capacity: 20,
    content: '観察路の倒木の片付けと、案内板の清掃をします。',
    cancelled: '大雨の予報のため中止します。次回の日程は決まりしだいお知らせします。',
    extras: 4,
    resident: 'applied',
  },
  // Unlisted: reachable only through its link (URL限定公開).
  {
    title: '【関係者限定】ごみステーション当番の引き継ぎ作業',
    category: 'environment',
    district: 'sunatori',
    place: places.sunatori,
    when: at(7, '10:00', 1),
    capacity: 10,
    content: '新しく当番になる方への引き継ぎと、ごみステーションのネットの交換をします。',
    visibility: 'unlisted',
    extras: 2,
  },
  // A draft the organizer personas are still writing.
  {
    title: '年末夜警（火の用心）の見回り',
    category: 'safety',
    district: 'izumi',
    place: places.izumi,
    when: at(60, '20:00', 1.5),
    capacity: 20,
    content: '拍子木を打ちながら校区内を見回ります。',
    visibility: 'draft',
  },
];

/** Extra residents who fill the demo's lists (card-verified, so organizers see age and gender, R-ID-4). */
export const extraResidents: CardIdentity[] = [
  ['阿蘇 健太', '熊本県熊本市中央区新屋敷2丁目4番1号', '1988-05-12', 'male'],
  ['天草 美咲', '熊本県熊本市東区健軍本町3番2号', '1995-09-03', 'female'],
  ['菊池 翔', '熊本県熊本市中央区黒髪2丁目1番5号', '2001-01-21', 'male'],
  ['八代 陽子', '熊本県熊本市中央区大江4丁目8番12号', '1967-03-30', 'female'],
  ['山鹿 大輔', '熊本県熊本市東区長嶺南5丁目3番8号', '1979-11-08', 'male'],
  ['玉名 あかり', '熊本県熊本市中央区出水2丁目6番3号', '2003-07-19', 'female'],
  ['宇土 誠一', '熊本県熊本市中央区帯山6丁目2番10号', '1955-02-14', 'male'],
  ['人吉 さやか', '熊本県熊本市西区春日3丁目7番1号', '1990-12-24', 'female'],
  ['合志 悠斗', '熊本県熊本市北区龍田3丁目5番6号', '1998-04-02', 'male'],
  ['荒尾 恵子', '熊本県熊本市南区田迎2丁目11番4号', '1972-08-16', 'female'],
  ['水俣 拓海', '熊本県熊本市東区秋津1丁目9番2号', '1985-06-27', 'male'],
  ['上天草 由紀', '熊本県熊本市中央区本荘5丁目1番7号', '1983-10-11', 'female'],
  ['宇城 浩二', '熊本県熊本市南区川尻2丁目3番15号', '1962-01-05', 'male'],
  ['菊陽 ひかり', '熊本県熊本市中央区水前寺3丁目4番9号', '2000-03-09', 'female'],
  ['大津 翼', '熊本県熊本市北区武蔵ケ丘4丁目2番3号', '1993-08-31', 'male'],
  ['益城 千尋', '熊本県熊本市東区画図町所島404番地', '1976-05-05', 'female'],
].map(([name, address, birthDate, gender]) => ({ name, address, birthDate, gender }) as CardIdentity);

export const defaults = {
  message:
    '私たちの校区をもっと住みよく、誇れるまちにしたいという思いで活動しています。初めての方も大歓迎です。一緒に汗を流しましょう!',
  belongings: '飲み物、タオル',
  clothing: '動きやすい服装でお越しください。',
  parking: '駐車場はありません。公共交通機関か自転車でお越しください。',
  target: 'どなたでも（中学生以下は保護者と一緒にご参加ください）',
  contact:
    '水前寺校区まちづくり委員会 事務局\nTEL 096-000-0000（平日 9:00〜17:00）\nメール info@suizenji-machi.example.jp',
};

/**
 * One picture per category: soft shapes on the category's colours (no text, so no font is
 * needed), 640x360 (enough for a link preview, and quick to draw at every demo start).
 */
export const palettes: Record<ActivityCategoryId, [string, string, string]> = {
  environment: ['#2e7d32', '#a5d6a7', 'M480 110C370 190 360 340 480 440C600 340 590 190 480 110z'],
  event: ['#ef6c00', '#ffcc80', 'M300 160h360l-60 80 60 80H300z'],
  disaster_prevention: [
    '#c62828',
    '#ef9a9a',
    'M480 110l190 90v110c0 90-90 150-190 180-100-30-190-90-190-180V200z',
  ],
  safety: ['#1565c0', '#90caf9', 'M480 120l200 320H280z'],
  welfare: [
    '#ad1457',
    '#f8bbd0',
    'M480 440C320 330 280 260 320 190s130-60 160 10c30-70 120-80 160-10s0 140-160 250z',
  ],
  children: ['#f9a825', '#fff59d', 'M480 110l45 110h115l-95 70 35 115-100-70-100 70 35-115-95-70h115z'],
  sports_health: ['#00838f', '#80deea', 'M300 270a180 100 0 1 0 360 0a180 100 0 1 0-360 0z'],
  culture_learning: ['#6a1b9a', '#ce93d8', 'M300 160h170v260H300zM490 160h170v260H490z'],
  international: [
    '#283593',
    '#9fa8da',
    'M480 110a160 160 0 1 0 0.1 0zM320 270h320M480 110c-80 90-80 230 0 320M480 110c80 90 80 230 0 320',
  ],
  other: ['#455a64', '#b0bec5', 'M380 270a100 100 0 1 0 200 0a100 100 0 1 0-200 0z'],
};
