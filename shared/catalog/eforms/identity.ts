import type { EForm } from './form-field.ts';
import { YES_NO, address, contactPhone, dateOfBirth, email, fullName, opt, personalId, phone, select, sex } from './fields.ts';

/** Identity procedures: e-ID accounts (Decree 69/2024/NĐ-CP) and ID cards (Luật Căn cước 2023). */

export const IDENTITY_FORMS: Readonly<Record<string, EForm>> = {
  // Cấp tài khoản định danh điện tử mức độ 01 (VNeID)
  '1.011410': [
    personalId(),
    fullName(),
    dateOfBirth(),
    phone('ownPhone', 'Số điện thoại chính chủ (nhận mã OTP)', "The resident's own phone (receives the OTP)"),
    email('email', 'Thư điện tử', 'Email', { required: false }),
    select('chipCardInHand', 'Có thẻ căn cước gắn chip trong tay', 'Chip ID card in hand', YES_NO),
  ],
  // Cấp tài khoản định danh điện tử mức độ 02 (tại Công an cấp xã)
  '3.000228': [
    personalId(),
    fullName(),
    dateOfBirth(),
    sex(),
    phone('ownPhone', 'Số điện thoại chính chủ (nhận mã OTP)', "The resident's own phone (receives the OTP)"),
    email('email', 'Thư điện tử', 'Email', { required: false }),
    select('chipCardInHand', 'Có thẻ căn cước gắn chip còn hiệu lực', 'Valid chip ID card in hand', YES_NO),
    select('visitTime', 'Buổi muốn đến Công an xã', 'Preferred time at the commune police', [
      opt('morning', 'Buổi sáng', 'Morning'),
      opt('afternoon', 'Buổi chiều', 'Afternoon'),
    ], { required: false }),
  ],
  // Cấp đổi thẻ căn cước
  '1.014063': [
    fullName(),
    dateOfBirth(),
    sex(),
    personalId(),
    select('reason', 'Lý do cấp đổi', 'Why the card is renewed', [
      opt('age', 'Đến tuổi phải đổi thẻ (14, 25, 40, 60)', 'Reached a renewal age (14, 25, 40, 60)'),
      opt('damaged', 'Thẻ bị hư hỏng', 'Card damaged'),
      opt('details_changed', 'Thay đổi thông tin trên thẻ', 'Details on the card changed'),
      opt('other', 'Lý do khác (khoản 1 Điều 24 Luật Căn cước)', 'Other (Identity Law art. 24.1)'),
    ]),
    address('address', 'Nơi cư trú', 'Residence'),
    contactPhone(),
  ],
  // Cấp lại thẻ căn cước
  '1.014064': [
    fullName(),
    dateOfBirth(),
    sex(),
    personalId(),
    select('reason', 'Lý do cấp lại', 'Why the card is reissued', [
      opt('lost', 'Bị mất thẻ', 'Card lost'),
      opt('nationality_restored', 'Được trở lại quốc tịch Việt Nam', 'Vietnamese nationality restored'),
      opt('other', 'Lý do khác (khoản 2 Điều 24 Luật Căn cước)', 'Other (Identity Law art. 24.2)'),
    ]),
    address('address', 'Nơi cư trú', 'Residence'),
    contactPhone(),
  ],
};
