import type { EForm } from './form-field.ts';
import { address, contactPhone, dateOfBirth, fullName, number, opt, personalId, select, sex, text, textarea } from './fields.ts';

/** Certification (chứng thực), judicial records (lý lịch tư pháp) and household businesses. */

export const OTHER_FORMS: Readonly<Record<string, EForm>> = {
  // Chứng thực bản sao từ bản chính
  '2.000815': [
    fullName('applicantName', 'Họ và tên người yêu cầu', "Applicant's full name"),
    personalId('applicantCccd', 'Số định danh cá nhân người yêu cầu', "Applicant's personal ID number"),
    text('documentName', 'Tên giấy tờ cần chứng thực', 'Document to certify'),
    text('issuedBy', 'Cơ quan cấp bản chính', 'Issued by', { required: false }),
    number('pages', 'Số trang của bản chính', 'Pages of the original', { min: 1, max: 500 }),
    number('copies', 'Số bản sao cần chứng thực', 'Copies to certify', { min: 1, max: 50 }),
  ],
  // Chứng thực chữ ký
  '2.000884': [
    fullName('signerName', 'Họ và tên người ký', "Signer's full name"),
    personalId('signerCccd', 'Số định danh cá nhân người ký', "Signer's personal ID number"),
    text('documentName', 'Tên giấy tờ, văn bản có chữ ký', 'Document bearing the signature'),
    select('language', 'Ngôn ngữ của văn bản', 'Language of the document', [
      opt('vi', 'Tiếng Việt', 'Vietnamese'),
      opt('foreign', 'Tiếng nước ngoài', 'Foreign language'),
      opt('bilingual', 'Song ngữ', 'Bilingual'),
    ]),
    number('copies', 'Số bản cần chứng thực', 'Copies to certify', { min: 1, max: 50 }),
  ],
  // Cấp Phiếu lý lịch tư pháp
  '3.000333': [
    fullName(),
    dateOfBirth(),
    sex(),
    personalId(),
    text('placeOfBirth', 'Nơi sinh', 'Place of birth'),
    select('certificateType', 'Loại phiếu', 'Certificate type', [
      opt('1', 'Phiếu lý lịch tư pháp số 1', 'Judicial record certificate no. 1'),
      opt('2', 'Phiếu lý lịch tư pháp số 2', 'Judicial record certificate no. 2'),
    ]),
    text('purpose', 'Mục đích sử dụng phiếu', 'Purpose of the certificate'),
    number('copies', 'Số lượng phiếu', 'Number of certificates', { min: 1, max: 10 }),
    contactPhone(),
  ],
  // Đăng ký thành lập hộ kinh doanh
  '1.001612': [
    text('businessName', 'Tên hộ kinh doanh', 'Business name'),
    fullName('ownerName', 'Họ và tên chủ hộ kinh doanh', "Owner's full name"),
    personalId('ownerCccd', 'Số định danh cá nhân chủ hộ kinh doanh', "Owner's personal ID number"),
    address('businessAddress', 'Địa điểm kinh doanh', 'Business address'),
    textarea('businessLines', 'Ngành, nghề kinh doanh', 'Lines of business'),
    number('capitalVnd', 'Vốn kinh doanh (đồng)', 'Capital (VND)', { min: 0, max: 100_000_000_000 }),
    number('employees', 'Số lao động', 'Number of workers', { min: 0, max: 1000 }),
    contactPhone(),
  ],
};
