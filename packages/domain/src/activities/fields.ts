import type { Localized } from '../locale.ts';
import type { ActivityInput } from './activity.ts';
import { activityTextLimits } from './limits.ts';

/** Every item of the organizer form: the input's fields plus the separately uploaded thumbnail. */
export type ActivityFieldName = keyof ActivityInput | 'thumbnail';

/** How the form draws the field. */
export type ActivityFieldControl =
  | 'image'
  | 'text'
  | 'textarea'
  | 'datetime'
  | 'number'
  | 'select'
  | 'map-point'
  | 'district'
  | 'switch'
  | 'checklist';

export interface ActivityFieldDefinition {
  name: ActivityFieldName;
  control: ActivityFieldControl;
  label: Localized;
  /** The guide's advice for this item (section 12 and the FAQ), shown under the field. */
  help: Localized;
  /** A sample the form may show as a placeholder; mostly the guide's own example activity. */
  example?: Localized;
  /** Characters (code points), for text fields. */
  maxLength?: number;
  /**
   * `always`: even a draft needs it. `to-publish`: needed to make the activity public or
   * unlisted; a draft may be saved half-filled from a phone and finished later.
   */
  required: 'always' | 'to-publish' | 'optional';
}

/**
 * The organizer form, in the order it is filled in: first what makes a resident stop and
 * look (photo, title, when and where), then the text the guide asks for, then the settings.
 */
export const activityFields: readonly ActivityFieldDefinition[] = [
  {
    name: 'thumbnail',
    control: 'image',
    label: { ja: 'サムネイル画像', en: 'Thumbnail image' },
    help: {
      ja: '作成した活動のイメージが伝わる写真や画像を挿入しましょう。写真に含まれる位置情報は自動で削除されます。',
      en: 'Add a photo or picture that shows what the activity is like. Location data in the photo is removed automatically.',
    },
    // Recommended, not required: a group without a suitable photo can still publish from a phone.
    required: 'optional',
  },
  {
    name: 'title',
    control: 'text',
    label: { ja: 'タイトル', en: 'Title' },
    help: {
      ja: 'タイトルを見て活動の場所や内容がイメージできるタイトルをつけましょう。',
      en: 'Choose a title from which people can picture where the activity is and what it involves.',
    },
    example: {
      ja: '【〇〇校区】地域を盛り上げよう! 〇〇祭り当日運営ボランティア',
      en: '[○○ District] Liven up our neighbourhood! Volunteers for the ○○ Festival',
    },
    maxLength: activityTextLimits.title,
    // A draft needs a title too, so the group can tell its drafts apart.
    required: 'always',
  },
  {
    name: 'category',
    control: 'select',
    label: { ja: '活動の分類', en: 'Category' },
    help: {
      ja: 'いちばん近い分類を選んでください。参加者が分類で絞り込んで探せます。',
      en: 'Choose the closest category. Residents can narrow their search by category.',
    },
    required: 'to-publish',
  },
  {
    name: 'startsAt',
    control: 'datetime',
    label: { ja: '開始日時', en: 'Starts' },
    help: {
      ja: '日本時間で入力します。公開後に日時を変更すると、参加者に自動でお知らせが届きます。',
      en: 'Japan time. If you change the date or time after publishing, participants are notified automatically.',
    },
    required: 'to-publish',
  },
  {
    name: 'endsAt',
    control: 'datetime',
    label: { ja: '終了日時', en: 'Ends' },
    help: {
      ja: '日本時間で入力します。終わった活動は参加者のアプリに履歴として残るため、削除できません。',
      en: "Japan time. Once an activity has ended it stays in participants' history, so it cannot be deleted.",
    },
    required: 'to-publish',
  },
  {
    name: 'placeName',
    control: 'text',
    label: { ja: '活動場所', en: 'Place' },
    help: {
      ja: '一覧に表示される場所の名前です。参加者がすぐに分かる名前にしましょう。',
      en: 'The name of the place shown in the list. Use a name residents will recognise.',
    },
    example: { ja: '熊本市役所', en: 'Kumamoto City Hall' },
    maxLength: activityTextLimits.placeName,
    required: 'to-publish',
  },
  {
    name: 'address',
    control: 'text',
    label: { ja: '住所', en: 'Address' },
    help: {
      ja: '活動場所の住所です。地図アプリで調べられるように書きましょう。',
      en: 'The address of the place, written so that it can be looked up in a map app.',
    },
    example: { ja: '熊本市中央区手取本町1-1', en: '1-1 Tetorihonchō, Chūō-ku, Kumamoto' },
    maxLength: activityTextLimits.address,
    required: 'to-publish',
  },
  {
    name: 'location',
    control: 'map-point',
    label: { ja: '地図上の場所', en: 'Point on the map' },
    help: {
      ja: '地図で場所を指定すると、「近くの活動」を探している方に表示されます。',
      en: 'Mark the place on the map so that residents looking for activities near them find it.',
    },
    required: 'optional',
  },
  {
    name: 'message',
    control: 'textarea',
    label: { ja: '活動への思い', en: 'Our message' },
    help: {
      ja: 'どんな思いで日頃から活動を行っているか、この活動で得られる経験など、参加者に活動の意図が伝わるようなメッセージを掲載しましょう。',
      en: 'Tell participants why you do this work and what they will gain from taking part, so that the purpose of the activity comes across.',
    },
    example: {
      ja: '【初めての方も大歓迎です!!】私たちの地域には、古くから続く伝統と文化が息づいています。',
      en: '[First-timers very welcome!] Our neighbourhood has traditions and culture going back generations.',
    },
    maxLength: activityTextLimits.message,
    required: 'to-publish',
  },
  {
    name: 'content',
    control: 'textarea',
    label: { ja: '活動内容', en: 'What you will do' },
    help: {
      ja: '初めて参加する人は分からないことがいっぱいです。だれでも不安なく参加できるように活動内容を明記しましょう。',
      en: 'First-time participants have many questions. Describe the activity clearly so that anyone can join without worry.',
    },
    example: {
      ja: '〇〇祭りの当日運営（総合案内、防犯パトロール、ごみ回収、撤収作業など）',
      en: 'Running the ○○ Festival on the day (information desk, safety patrol, collecting rubbish, clearing up)',
    },
    maxLength: activityTextLimits.content,
    required: 'to-publish',
  },
  {
    name: 'belongings',
    control: 'textarea',
    label: { ja: '準備物', en: 'What to bring' },
    help: {
      ja: 'だれでも不安なく参加できるように、持ってくる物を明記しましょう。',
      en: 'List what participants should bring, so that anyone can join without worry.',
    },
    example: {
      ja: '飲み物、軍手、タオルは各自で持参',
      en: 'Please bring your own drink, work gloves and a towel',
    },
    maxLength: activityTextLimits.belongings,
    required: 'optional',
  },
  {
    name: 'clothing',
    control: 'textarea',
    label: { ja: '服装', en: 'What to wear' },
    help: {
      ja: '「服装は?」は初めての方がよく迷う点です。ふさわしい服装を書きましょう。',
      en: "“What should I wear?” is a common question from first-timers. Say what's suitable.",
    },
    example: { ja: '動きやすい服装でお越しください。', en: 'Please wear clothes you can move in easily.' },
    maxLength: activityTextLimits.clothing,
    required: 'optional',
  },
  {
    name: 'meetingPoint',
    control: 'textarea',
    label: { ja: '集合場所・時間', en: 'Where and when to meet' },
    help: {
      ja: '「集合場所や時間は?」と迷わないよう、集合する場所と時刻を書きましょう。',
      en: 'Say where and at what time to meet, so that nobody is left wondering.',
    },
    example: {
      ja: '9:45に熊本市役所1階ロビーに集合',
      en: 'Meet at 9:45 in the ground-floor lobby of City Hall',
    },
    maxLength: activityTextLimits.meetingPoint,
    required: 'optional',
  },
  {
    name: 'parking',
    control: 'textarea',
    label: { ja: '駐車場・駐輪場', en: 'Car and bicycle parking' },
    help: {
      ja: '遠方からの参加者のために、駐輪場や駐車場の有無は必ず明記しておきましょう。',
      en: 'Always say whether there is car or bicycle parking, for participants coming from further away.',
    },
    example: {
      ja: '駐車場はありません。近くのコインパーキングをご利用ください。',
      en: 'There is no car park. Please use a nearby paid car park.',
    },
    maxLength: activityTextLimits.parking,
    required: 'to-publish',
  },
  {
    name: 'targetParticipants',
    control: 'textarea',
    label: { ja: '募集対象', en: 'Who can take part' },
    help: {
      ja: '参加者が自分自身で活動への参加を判断するために、募集対象を明記しましょう。',
      en: 'Say who the activity is for, so that residents can decide for themselves whether to join.',
    },
    example: {
      ja: '・地域の伝統や文化に興味がある方\n・イベント運営に興味のある方\n※10～20代が活躍中',
      en: '• Anyone interested in local traditions and culture\n• Anyone interested in running events\n* Many of our volunteers are in their teens and twenties',
    },
    maxLength: activityTextLimits.targetParticipants,
    required: 'to-publish',
  },
  {
    name: 'contact',
    control: 'textarea',
    label: { ja: '問い合わせ先', en: 'Contact' },
    help: {
      ja: '参加者が不明点を問い合わせたり、急に参加できなくなった際に連絡したりできるよう、問い合わせ先は必ず明記しましょう。お知らせには返信できないため、ここが参加者からの連絡先になります。',
      en: 'Always give a contact so that participants can ask questions or tell you if they suddenly cannot come. Participants cannot reply to notices, so this is how they reach you.',
    },
    example: { ja: '〇〇団体 TEL:096-123-4567', en: '○○ Group, tel. 096-123-4567' },
    maxLength: activityTextLimits.contact,
    required: 'to-publish',
  },
  {
    name: 'capacity',
    control: 'number',
    label: { ja: '定員', en: 'Capacity' },
    help: {
      ja: '定員を設定すると、事前に申し込んだ方だけが当日ポイントと活動証明書を受け取れます。設定しない場合は、申し込んでいない方も当日二次元コードを読み取れば受け取れます。定員に達するとキャンセル待ちを受け付け、空きが出ると自動で繰り上げます。',
      en: 'With a capacity, only people who applied in advance receive points and a certificate on the day. Without one, anyone can also scan the QR code on the day and receive them. When the activity is full, a waiting list opens and people move up automatically when a place frees.',
    },
    required: 'optional',
  },
  {
    name: 'applicationDeadline',
    control: 'datetime',
    label: { ja: '申込締切', en: 'Application deadline' },
    help: {
      ja: '空欄の場合は、活動の開始まで申し込みを受け付けます。',
      en: 'If left empty, applications are accepted until the activity starts.',
    },
    required: 'optional',
  },
  {
    name: 'schoolDistrictCode',
    control: 'district',
    label: { ja: '校区', en: 'School district' },
    help: {
      ja: '活動を行う校区です。校区で絞り込んで探している方に表示されます。',
      en: 'The school district where the activity takes place. Residents can search by district.',
    },
    required: 'optional',
  },
  {
    name: 'restrictToDistrict',
    control: 'switch',
    label: { ja: 'この校区の方に限定する', en: 'Only for residents of this district' },
    help: {
      ja: 'オンにすると、マイナンバーカードで確認した住所がこの校区にある方だけが申し込めます。タイトルと募集対象にも「〇〇校区の方限定」と明記しましょう。',
      en: 'When on, only residents whose address, confirmed with the My Number Card, is in this district can apply. Also write “for ○○ District residents only” in the title and in who can take part.',
    },
    required: 'optional',
  },
  {
    name: 'insurance',
    control: 'select',
    label: { ja: 'ボランティア保険', en: 'Volunteer insurance' },
    help: {
      ja: '活動を主催して参加者を募る際には、ボランティア保険に参加者個人で加入してもらうか、団体で加入しておきましょう。',
      en: 'When you invite participants, make sure volunteer insurance is in place: either your group has it, or each participant takes it out.',
    },
    required: 'to-publish',
  },
  {
    name: 'visibility',
    control: 'select',
    label: { ja: '公開範囲', en: 'Visibility' },
    help: {
      ja: '「下書き」は団体のメンバーだけが見られます。「公開」はボランティアの一覧と検索に表示されます。「URL限定公開」は、リンクを知っている方だけが見て申し込めます。',
      en: '“Draft” is seen only by your group. “Public” appears in the volunteer list and search. “Unlisted” can be seen and applied for only by people who have the link.',
    },
    required: 'always',
  },
  {
    name: 'eligibility',
    control: 'checklist',
    label: { ja: '対象活動の確認', en: 'Eligibility check' },
    help: {
      ja: 'くまもとポイントの対象となる活動の条件です。公開するには、すべて確認してチェックしてください。',
      en: 'These are the conditions for activities that earn Kumamoto points. Check and tick every one to publish.',
    },
    required: 'to-publish',
  },
];

export function findActivityField(name: ActivityFieldName): ActivityFieldDefinition {
  // Every field name has a definition (a test checks), so this lookup cannot miss.
  return activityFields.find((field) => field.name === name) as ActivityFieldDefinition;
}
