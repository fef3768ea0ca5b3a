import type { EForm } from './form-field.ts';
import {
  address,
  date,
  dateOfBirth,
  fullName,
  number,
  opt,
  personalId,
  select,
  sex,
  text,
  textarea,
  contactPhone,
} from './fields.ts';

/** Civil-status procedures (hộ tịch): births, marriages, deaths, copies of extracts. */

const APPLICANT_FOR_CHILD = [
  opt('father', 'Cha', 'Father'),
  opt('mother', 'Mẹ', 'Mother'),
  opt('grandparent', 'Ông, bà', 'Grandparent'),
  opt('relative', 'Người thân thích khác', 'Other relative'),
  opt('authorised', 'Người được ủy quyền', 'Authorised person'),
];

const APPLICANT_FOR_DECEASED = [
  opt('spouse', 'Vợ, chồng', 'Spouse'),
  opt('child', 'Con', 'Child'),
  opt('parent', 'Cha, mẹ', 'Parent'),
  opt('relative', 'Người thân thích khác', 'Other relative'),
  opt('other', 'Người khác, cơ quan, tổ chức', 'Other person or organisation'),
];

export const CIVIL_STATUS_FORMS: Readonly<Record<string, EForm>> = {
  // Đăng ký khai sinh
  '1.001193': [
    fullName('childName', 'Họ, chữ đệm và tên của trẻ', "Child's full name"),
    dateOfBirth('childDateOfBirth', 'Ngày sinh của trẻ', "Child's date of birth"),
    sex('childSex', 'Giới tính của trẻ', "Child's sex"),
    text('placeOfBirth', 'Nơi sinh', 'Place of birth'),
    text('ethnicity', 'Dân tộc', 'Ethnicity', { maxLength: 50 }),
    fullName('fatherName', 'Họ và tên cha', "Father's full name", { required: false }),
    personalId('fatherCccd', 'Số định danh cá nhân của cha', "Father's personal ID number", { required: false, sex: 'male' }),
    fullName('motherName', 'Họ và tên mẹ', "Mother's full name"),
    personalId('motherCccd', 'Số định danh cá nhân của mẹ', "Mother's personal ID number", { required: false, sex: 'female' }),
    select('applicantRelationship', 'Quan hệ của người đi đăng ký với trẻ', "Applicant's relationship to the child", APPLICANT_FOR_CHILD),
  ],
  // Liên thông khai sinh – thường trú – thẻ BHYT cho trẻ dưới 6 tuổi
  '2.000986': [
    fullName('childName', 'Họ, chữ đệm và tên của trẻ', "Child's full name"),
    dateOfBirth('childDateOfBirth', 'Ngày sinh của trẻ', "Child's date of birth"),
    sex('childSex', 'Giới tính của trẻ', "Child's sex"),
    text('placeOfBirth', 'Nơi sinh', 'Place of birth'),
    fullName('motherName', 'Họ và tên mẹ', "Mother's full name"),
    personalId('motherCccd', 'Số định danh cá nhân của mẹ', "Mother's personal ID number", { sex: 'female' }),
    address('permanentAddress', 'Nơi đăng ký thường trú của trẻ', "Child's permanent residence"),
    text('healthFacility', 'Nơi đăng ký khám chữa bệnh ban đầu', 'Primary health-care facility'),
    select('applicantRelationship', 'Quan hệ của người đi đăng ký với trẻ', "Applicant's relationship to the child", APPLICANT_FOR_CHILD),
  ],
  // Đăng ký lại khai sinh
  '1.004884': [
    fullName(),
    dateOfBirth(),
    sex(),
    text('placeOfBirth', 'Nơi sinh', 'Place of birth'),
    text('previousRegistrationPlace', 'Nơi đã đăng ký khai sinh trước đây', 'Where the birth was first registered'),
    fullName('fatherName', 'Họ và tên cha', "Father's full name", { required: false }),
    fullName('motherName', 'Họ và tên mẹ', "Mother's full name", { required: false }),
    textarea('reason', 'Lý do đăng ký lại (sổ hộ tịch, bản chính bị mất, hư hỏng…)', 'Why the birth is registered again'),
  ],
  // Đăng ký kết hôn
  '1.000894': [
    fullName('husbandName', 'Họ và tên bên nam', "Husband's full name"),
    dateOfBirth('husbandDateOfBirth', 'Ngày sinh bên nam', "Husband's date of birth"),
    personalId('husbandCccd', 'Số định danh cá nhân bên nam', "Husband's personal ID number", { sex: 'male' }),
    fullName('wifeName', 'Họ và tên bên nữ', "Wife's full name"),
    dateOfBirth('wifeDateOfBirth', 'Ngày sinh bên nữ', "Wife's date of birth"),
    personalId('wifeCccd', 'Số định danh cá nhân bên nữ', "Wife's personal ID number", { sex: 'female' }),
    contactPhone(),
  ],
  // Đăng ký khai tử
  '1.000656': [
    fullName('deceasedName', 'Họ và tên người chết', 'Full name of the deceased'),
    dateOfBirth('deceasedDateOfBirth', 'Ngày sinh người chết', 'Date of birth of the deceased'),
    personalId('deceasedCccd', 'Số định danh cá nhân người chết', 'Personal ID number of the deceased', { required: false }),
    date('dateOfDeath', 'Ngày chết', 'Date of death'),
    text('placeOfDeath', 'Nơi chết', 'Place of death'),
    text('causeOfDeath', 'Nguyên nhân chết', 'Cause of death', { required: false }),
    select('applicantRelationship', 'Quan hệ của người đi khai tử với người chết', "Applicant's relationship to the deceased", APPLICANT_FOR_DECEASED),
  ],
  // Cấp Giấy xác nhận tình trạng hôn nhân
  '1.004873': [
    fullName(),
    dateOfBirth(),
    personalId(),
    select('maritalStatus', 'Tình trạng hôn nhân hiện tại', 'Current marital status', [
      opt('single', 'Chưa đăng ký kết hôn', 'Never married'),
      opt('married', 'Đang có vợ/chồng', 'Married'),
      opt('divorced', 'Đã ly hôn', 'Divorced'),
      opt('widowed', 'Vợ/chồng đã chết', 'Widowed'),
    ]),
    select('purpose', 'Mục đích sử dụng', 'Purpose', [
      opt('marriage', 'Để đăng ký kết hôn', 'To register a marriage'),
      opt('other', 'Mục đích khác', 'Other purpose'),
    ]),
    text('purposeDetail', 'Ghi rõ mục đích khác', 'Other purpose, in words', { required: false }),
    contactPhone(),
  ],
  // Cấp bản sao trích lục hộ tịch
  '2.000635': [
    select('extractType', 'Loại giấy tờ cần cấp bản sao', 'Which extract', [
      opt('birth', 'Giấy khai sinh', 'Birth certificate'),
      opt('marriage', 'Trích lục kết hôn', 'Marriage extract'),
      opt('death', 'Trích lục khai tử', 'Death extract'),
      opt('other', 'Trích lục hộ tịch khác', 'Other civil-status extract'),
    ]),
    fullName('personName', 'Họ và tên người được cấp trích lục', 'Full name on the extract'),
    dateOfBirth('personDateOfBirth', 'Ngày sinh người được cấp trích lục', 'Date of birth on the extract'),
    text('registrationPlace', 'Nơi đã đăng ký', 'Where it was registered'),
    date('registrationDate', 'Ngày đăng ký', 'Date of registration', { required: false }),
    number('copies', 'Số bản sao', 'Number of copies', { min: 1, max: 20 }),
    select('applicantRelationship', 'Quan hệ với người được cấp', 'Relationship to the person', [
      opt('self', 'Chính người đó', 'Self'),
      opt('relative', 'Người thân', 'Relative'),
      opt('authorised', 'Người được ủy quyền', 'Authorised person'),
    ]),
  ],
};
