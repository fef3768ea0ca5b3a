import type { EForm } from './form-field.ts';
import { address, contactPhone, date, dateOfBirth, fullName, number, opt, personalId, select, text, textarea } from './fields.ts';

/** Residence procedures (cư trú, Luật Cư trú 2020): permanent and temporary residence, absence, households. */

const RELATIONSHIP_TO_HEAD = [
  opt('self', 'Là chủ hộ', 'Head of household'),
  opt('spouse', 'Vợ, chồng', 'Spouse'),
  opt('child', 'Con', 'Child'),
  opt('parent', 'Cha, mẹ', 'Parent'),
  opt('grandchild', 'Cháu', 'Grandchild'),
  opt('sibling', 'Anh, chị, em', 'Sibling'),
  opt('other', 'Quan hệ khác', 'Other'),
];

export const RESIDENCE_FORMS: Readonly<Record<string, EForm>> = {
  // Đăng ký thường trú
  '1.004222': [
    fullName(),
    dateOfBirth(),
    personalId(),
    address('newAddress', 'Địa chỉ nơi đăng ký thường trú (số nhà, ấp/khóm, xã/phường)', 'Address of the new permanent residence'),
    select('residenceBasis', 'Chỗ ở hợp pháp', 'Legal basis of the residence', [
      opt('owned', 'Thuộc quyền sở hữu của mình', 'Owned by the applicant'),
      opt('family', 'Về ở với người thân (khoản 2 Điều 20 Luật Cư trú)', 'Joining relatives (Residence Law art. 20.2)'),
      opt('rented', 'Thuê, mượn, ở nhờ', 'Rented, borrowed or lodging'),
      opt('other', 'Trường hợp khác', 'Other case'),
    ]),
    text('headName', 'Họ và tên chủ hộ', 'Name of the head of household', { required: false, maxLength: 100 }),
    select('relationshipToHead', 'Quan hệ với chủ hộ', 'Relationship to the head of household', RELATIONSHIP_TO_HEAD),
    contactPhone(),
  ],
  // Đăng ký tạm trú
  '1.004194': [
    fullName(),
    dateOfBirth(),
    personalId(),
    address('temporaryAddress', 'Địa chỉ nơi tạm trú', 'Address of the temporary residence'),
    date('fromDate', 'Tạm trú từ ngày', 'Staying from', { future: true }),
    number('months', 'Thời hạn tạm trú (tháng)', 'Length of stay (months)', { min: 1, max: 24 }),
    text('hostName', 'Họ và tên chủ nhà / chủ hộ nơi tạm trú', 'Name of the host', { required: false, maxLength: 100 }),
    contactPhone(),
  ],
  // Gia hạn tạm trú
  '1.002755': [
    fullName(),
    personalId(),
    address('temporaryAddress', 'Địa chỉ nơi đang tạm trú', 'Current temporary residence'),
    date('currentUntil', 'Thời hạn tạm trú hiện tại đến ngày', 'Current stay ends on', { future: true }),
    number('extendMonths', 'Gia hạn thêm (tháng)', 'Extend by (months)', { min: 1, max: 24 }),
    textarea('reason', 'Lý do gia hạn', 'Reason for the extension', { required: false }),
    contactPhone(),
  ],
  // Khai báo tạm vắng
  '1.003677': [
    fullName(),
    personalId(),
    address('destination', 'Nơi đến', 'Destination'),
    date('fromDate', 'Vắng mặt từ ngày', 'Away from', { future: true }),
    date('toDate', 'Đến ngày', 'Until', { future: true }),
    select('reason', 'Lý do tạm vắng', 'Reason for the absence', [
      opt('work', 'Đi làm ăn', 'Work'),
      opt('study', 'Đi học', 'Study'),
      opt('treatment', 'Chữa bệnh', 'Medical treatment'),
      opt('other', 'Lý do khác', 'Other reason'),
    ]),
    contactPhone(),
  ],
  // Xóa đăng ký thường trú
  '1.003197': [
    fullName('personName', 'Họ và tên người bị xóa đăng ký thường trú', 'Person whose registration is removed'),
    dateOfBirth('personDateOfBirth', 'Ngày sinh', 'Date of birth'),
    personalId('personCccd', 'Số định danh cá nhân', 'Personal ID number'),
    address('address', 'Nơi thường trú', 'Permanent residence'),
    select('reason', 'Lý do xóa đăng ký thường trú', 'Why the registration is removed', [
      opt('deceased', 'Người đã chết', 'The person has died'),
      opt('moved_abroad', 'Ra nước ngoài định cư', 'Settled abroad'),
      opt('absent', 'Vắng mặt liên tục từ 12 tháng trở lên', 'Absent for 12 months or more'),
      opt('other', 'Trường hợp khác (Điều 24 Luật Cư trú)', 'Other case (Residence Law art. 24)'),
    ]),
    select('applicantRelationship', 'Người yêu cầu là', 'The applicant is', [
      opt('self', 'Chính người đó', 'The person'),
      opt('household', 'Thành viên hộ gia đình', 'A household member'),
      opt('other', 'Người khác', 'Someone else'),
    ]),
    contactPhone(),
  ],
  // Tách hộ
  '1.010038': [
    fullName('newHeadName', 'Họ và tên chủ hộ mới', 'Name of the new head of household'),
    personalId('newHeadCccd', 'Số định danh cá nhân của chủ hộ mới', "New head's personal ID number"),
    fullName('currentHeadName', 'Họ và tên chủ hộ hiện tại', 'Name of the current head of household'),
    address('address', 'Địa chỉ chỗ ở hợp pháp', 'Address of the residence'),
    select('relationshipToCurrentHead', 'Quan hệ với chủ hộ hiện tại', 'Relationship to the current head', RELATIONSHIP_TO_HEAD),
    number('membersMoving', 'Số người cùng tách hộ', 'People moving to the new household', { min: 1, max: 30 }),
    select('basis', 'Trường hợp tách hộ', 'Case', [
      opt('same_residence', 'Tách hộ tại cùng chỗ ở hợp pháp', 'New household at the same residence'),
      opt('divorced', 'Vợ, chồng đã ly hôn vẫn ở cùng chỗ ở', 'Divorced spouses sharing the residence'),
    ]),
  ],
};
