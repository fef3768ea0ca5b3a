/** Vietnamese messages (the default language), keyed by stable code. */
export const vi = {
  // CLI and files
  FILE_NOT_FOUND: 'Không tìm thấy tệp {path}.',
  FILE_UNREADABLE: 'Không đọc được tệp {path}: {reason}.',
  USAGE: 'Cách dùng không đúng: {reason}',
  INTERNAL: 'Lỗi không mong đợi: {reason}. Dữ liệu đã lưu không bị ảnh hưởng.',


  // --- Validation, reference data and `langso check` (shared/validate, cli/commands/check.ts) ---
  // Issue codes of shared/validate/issue.ts. {field} is the localised field name; `.variant` keys
  // are more precise wordings of the same code, picked by params.variant (formatIssue).
  CCCD_FORMAT: '{field}: phải gồm đúng 12 chữ số (đang có {length} chữ số).',
  'CCCD_FORMAT.chars': '{field}: chỉ được gồm 12 chữ số, không có chữ hay ký hiệu (đang có {length} chữ số).',
  CCCD_LEGACY_CMND:
    '{field}: đây là số chứng minh nhân dân cũ 9 chữ số, không dùng thay số định danh được; hãy nhập số 12 chữ số in trên thẻ căn cước.',
  CCCD_PROVINCE:
    '{field}: 3 chữ số đầu là {actual}, không phải mã tỉnh, thành phố nơi đăng ký khai sinh nào (Cà Mau 096, Bạc Liêu 095).',
  'CCCD_PROVINCE.abroad':
    '{field}: 3 chữ số đầu là {actual}, không phải mã tỉnh trong nước (khai sinh ở nước ngoài chưa được hỗ trợ); hãy đối chiếu lại với thẻ.',
  CCCD_CENTURY_SEX:
    '{field}: chữ số thứ {digit} là {actual} ({digitSex}, sinh {from}–{to}) nhưng năm sinh là {birthYear}; chữ số đúng là {expected}.',
  'CCCD_CENTURY_SEX.sex':
    '{field}: chữ số thứ {digit} là {actual} ({digitSex}, sinh {from}–{to}) nhưng giới tính là {sex}; chữ số đúng là {expected}.',
  'CCCD_CENTURY_SEX.both':
    '{field}: chữ số thứ {digit} là {actual} ({digitSex}, sinh {from}–{to}) nhưng giới tính là {sex} và năm sinh là {birthYear}; chữ số đúng là {expected}.',
  'CCCD_CENTURY_SEX.before1900':
    '{field}: năm sinh {birthYear} là trước năm 1900, số định danh không có mã cho năm sinh này; hãy xem lại ngày sinh trên thẻ.',
  CCCD_YEAR: '{field}: chữ số thứ {digits} là {actual} nhưng năm sinh là {birthYear}; phải là {expected}.',
  PHONE_FORMAT:
    '{field}: không phải số di động Việt Nam 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (có thể viết +84).',
  DOB_FORMAT: '{field}: “{value}” không phải ngày có thật; hãy viết ngày/tháng/năm (dd/mm/yyyy) hoặc yyyy-mm-dd.',
  'DOB_FORMAT.empty': '{field}: chưa nhập.',
  DOB_FUTURE: '{field}: {value} là ngày trong tương lai (hôm nay là {today}).',
  NAME_REQUIRED: '{field}: chưa nhập.',
  NAME_CHARS:
    "{field}: có ký tự không dùng trong tên ({chars}); tên chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-).",
  SEX_INVALID: '{field}: “{value}” không hợp lệ; hãy ghi nam hoặc nữ.',
  'SEX_INVALID.empty': '{field}: chưa nhập (nam hoặc nữ).',
  EMAIL_FORMAT: '{field}: không đúng dạng địa chỉ thư điện tử (ví dụ: ten@example.com).',
  COMMUNE_UNKNOWN: '{field}: mã {value} không phải một trong 64 xã, phường của tỉnh Cà Mau (từ 01/07/2025).',
  'COMMUNE_UNKNOWN.empty': '{field}: chưa nhập mã xã, phường.',
  'COMMUNE_UNKNOWN.former': '{field}: mã {value} là {oldName} trước 01/07/2025, nay là {successors}; hãy dùng mã mới.',
  'COMMUNE_UNKNOWN.formerSplit':
    '{field}: mã {value} là {oldName} trước 01/07/2025, nay được chia về {successors}; hãy chọn xã, phường mới nơi người dân ở.',
  HAMLET_REQUIRED: '{field}: chưa nhập.',
  CONSENT_MISSING: 'Chưa có sự đồng ý của người dân cho việc xử lý dữ liệu cá nhân (Luật 91/2025/QH15): chưa gửi được.',
  CONSENT_INCOMPLETE: '{field}: thiếu hoặc không hợp lệ trong sự đồng ý; hãy lấy lại sự đồng ý của người dân.',
  'CONSENT_INCOMPLETE.purpose': '{field}: người dân chưa đồng ý cho mục đích “{purpose}”.',
  'CONSENT_INCOMPLETE.category': '{field}: sự đồng ý chưa bao gồm loại dữ liệu “{category}”.',
  'CONSENT_INCOMPLETE.rights': '{field}: chưa xác nhận đã cho người dân biết các quyền của chủ thể dữ liệu.',
  'CONSENT_INCOMPLETE.signature': '{field}: đồng ý bằng chữ ký nhưng chưa có chữ ký.',
  DUPLICATE_CCCD: '{field}: trùng với bản ghi số {otherRecord}.',
  FORM_REQUIRED: '{field}: chưa nhập.',
  FORM_UNKNOWN_FIELD: '{field}: không có trường này trong biểu mẫu của thủ tục.',
  FORM_TYPE: '{field}: giá trị không đúng kiểu.',
  FORM_TOO_LONG: '{field}: dài quá {max} ký tự.',
  FORM_OPTION: '{field}: “{value}” không phải một lựa chọn của trường này.',
  FORM_NUMBER: '{field}: phải là số từ {min} đến {max}.',
  DATE_FORMAT: '{field}: “{value}” không phải ngày có thật; hãy viết dd/mm/yyyy hoặc yyyy-mm-dd.',
  DATE_FUTURE: '{field}: {value} là ngày trong tương lai (hôm nay là {today}).',
  // Field names (docs/DOMAIN.md, "Words")
  'field.fullName': 'Họ và tên',
  'field.dateOfBirth': 'Ngày sinh',
  'field.sex': 'Giới tính',
  'field.cccd': 'Số định danh cá nhân',
  'field.phone': 'Số điện thoại',
  'field.email': 'Thư điện tử',
  'field.communeCode': 'Xã/phường',
  'field.hamlet': 'Ấp/khóm',
  'field.house': 'Số nhà',
  'field.consent': 'Sự đồng ý',
  'field.consent.textVersion': 'Phiên bản văn bản đồng ý',
  'field.consent.purposes': 'Mục đích xử lý',
  'field.consent.dataCategories': 'Loại dữ liệu',
  'field.consent.processor': 'Bên xử lý dữ liệu',
  'field.consent.rightsShown': 'Quyền của chủ thể dữ liệu',
  'field.consent.givenAt': 'Thời điểm đồng ý',
  'field.consent.method': 'Cách thể hiện sự đồng ý',
  'field.consent.signatureSha256': 'Chữ ký',
  'field.consent.subjectName': 'Người đồng ý',
  'field.consent.volunteerId': 'Tình nguyện viên chứng kiến',
  // Words put into messages
  'sex.male': 'nam',
  'sex.female': 'nữ',
  'purpose.eid_registration': 'đăng ký tài khoản định danh điện tử',
  'purpose.dossier_filing': 'nộp hồ sơ thủ tục hành chính',
  'purpose.household_register': 'lập danh sách hộ gia đình',
  'category.identity': 'thông tin nhân thân',
  'category.contact': 'thông tin liên lạc',
  'category.address': 'địa chỉ',
  'category.id_card_photo': 'ảnh thẻ căn cước',
  'category.portrait_photo': 'ảnh chân dung',
  'category.household': 'quan hệ trong hộ gia đình',
  'category.procedure_data': 'thông tin trong tờ khai',
  // Protocol error codes (shared/sync/protocol.ts), for a device that shows them as they come
  BAD_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  PROTOCOL_VERSION: 'Phiên bản giao thức đồng bộ không được hỗ trợ; hãy cập nhật ứng dụng.',
  IDEMPOTENCY_KEY_MISSING: 'Lô gửi lên thiếu khóa Idempotency-Key.',
  IDEMPOTENCY_KEY_REUSED: 'Khóa Idempotency-Key đã được dùng cho một lô khác.',
  IDEMPOTENCY_IN_FLIGHT: 'Lô này đang được xử lý; sẽ thử lại sau ít phút.',
  BODY_TOO_LARGE: 'Lô quá lớn để gửi một lần.',
  UNAUTHORIZED: 'Thiết bị chưa đăng nhập hoặc mã truy cập đã hết hạn; hãy đăng ký lại thiết bị.',
  FORBIDDEN: 'Thiết bị không có quyền làm việc này.',
  NOT_FOUND: 'Không tìm thấy.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ.',
  ENROL_CODE_INVALID: 'Mã đăng ký của tổ không đúng hoặc đã hết hạn.',
  HASH_MISMATCH: 'Ảnh hoặc dữ liệu bị hỏng trên đường gửi (không khớp mã băm); sẽ gửi lại.',
  ATTACHMENT_MISSING: 'Máy chủ còn thiếu tệp đính kèm của bản ghi; sẽ gửi tệp trước.',
  TRAINING_RECORD: 'Dữ liệu tập huấn: hệ thống thật của tỉnh không nhận.',
  RECORD_INVALID: 'Thông tin chưa đúng, cần sửa rồi gửi lại.',
  OTHER_TEAM: 'Bản ghi thuộc về một tổ khác.',
  REV_CONFLICT: 'Bản ghi đã được sửa ở nơi khác; cần xem lại trước khi gửi.',
  NOT_EDITABLE: 'Hồ sơ đã được tỉnh tiếp nhận, không sửa được nữa.',
  UNAVAILABLE: 'Hệ thống tạm thời không phục vụ; sẽ thử lại sau.',
  // --- sync engine's own codes (shared/sync/sync-codes.ts) ---
  SYNC_NETWORK: 'Không kết nối được máy chủ (mất sóng hoặc đứt kết nối); bản ghi vẫn nằm chờ gửi.',
  TIMEOUT: 'Máy chủ không trả lời kịp; bản ghi vẫn nằm chờ gửi, sẽ thử lại.',
  ABORTED: 'Đã dừng đồng bộ theo yêu cầu; bản ghi chưa gửi vẫn nằm chờ.',
  BAD_RESPONSE: 'Máy chủ trả lời sai giao thức đồng bộ; không bản ghi nào bị xoá, hãy báo cho tổ trưởng.',
  ATTACHMENT_UNREADABLE: 'Không còn tệp đính kèm (ảnh giấy tờ, chữ ký) trên máy này; hãy chụp lại rồi gửi lại bản ghi.',
  ATTACHMENT_CORRUPT: 'Tệp đính kèm trên máy bị hỏng (không khớp mã băm); hãy chụp lại rồi gửi lại bản ghi.',
  ATTACHMENT_STILL_MISSING: 'Máy chủ vẫn chưa nhận được tệp đính kèm; bản ghi sẽ được gửi lại ở lần đồng bộ sau.',
  NO_RECEIPT: 'Máy chủ chưa xác nhận bản ghi này; sẽ gửi lại ở lần đồng bộ sau.',
  RECEIPT_REJECTED: 'Tỉnh không tiếp nhận bản ghi này; hãy xem lại rồi gửi lại.',
  RECEIPT_CONFLICT: 'Bản ghi xung đột với bản đã tiếp nhận; cần xem lại trước khi gửi.',
  STORAGE_ERROR: 'Không ghi hoặc đọc được bộ nhớ của máy ({reason}); không bản ghi nào bị xoá.',
  STORAGE_FULL: 'Bộ nhớ của máy đã đầy: hãy đồng bộ hoặc xuất lô hồ sơ, rồi xoá bớt ảnh, tệp không cần trên máy.',
  RECORD_STALE: 'Bản ghi này vừa được lưu ở nơi khác (một thẻ khác của ứng dụng); hãy mở lại rồi sửa.',
  TRANSPORT_ERROR: 'Lỗi khi gửi dữ liệu; bản ghi vẫn nằm chờ, sẽ thử lại.',
  CLOCK_SKEW: 'Đồng hồ của máy lệch {minutes} phút so với máy chủ; hãy chỉnh lại giờ của máy.',
  // --- end of sync engine block ---
  // --- end of validation block ---


  // --- sealed batch files, key files, receipt files (shared/seal, cli/seal) ---
  SEAL_EMPTY: 'Tệp lô hồ sơ rỗng (0 byte): có thể việc gửi hoặc chép tệp chưa xong. Hãy nhờ người gửi gửi lại.',
  SEAL_NOT_LANGSO: 'Đây không phải tệp lô hồ sơ Làng số (.langso).',
  SEAL_VERSION_UNSUPPORTED:
    'Tệp lô hồ sơ được tạo bằng phiên bản Làng số mới hơn (định dạng {version}, bản này chỉ đọc đến {supported}). Hãy cập nhật Làng số rồi nhập lại.',
  SEAL_TRUNCATED: 'Tệp lô hồ sơ bị thiếu phần cuối (bị cắt ngang khi gửi hoặc chép). Chưa nhập gì; hãy nhờ người gửi gửi lại.',
  SEAL_CORRUPT: 'Tệp lô hồ sơ bị hỏng hoặc đã bị sửa (gần byte {offset}). Chưa nhập gì; hãy nhờ người gửi gửi lại.',
  SEAL_WRONG_KEY: 'Tệp lô hồ sơ được mã hóa cho khóa của một tổ trưởng khác (khóa {keyId}), không phải khóa trên máy này. Chưa nhập gì.',
  SEAL_SIGNATURE: 'Chữ ký của thiết bị trên tệp lô hồ sơ không hợp lệ: tệp đã bị sửa hoặc bị giả mạo. Chưa nhập gì.',
  SEAL_OTHER_TEAM: 'Tệp lô hồ sơ thuộc tổ khác ({teamId}), không phải tổ của bạn. Chưa nhập gì.',
  SEAL_UNKNOWN_DEVICE:
    'Tệp lô hồ sơ được ký bởi một thiết bị chưa đăng ký trong tổ ({deviceId}, mã khóa {fingerprint}). Chưa nhập gì.',
  SEAL_RECORD_INVALID: 'Bản ghi thứ {index} trong tệp lô hồ sơ không đúng định dạng (trường {field}). Chưa nhập gì.',
  SEAL_HASH_MISMATCH: 'Nội dung của {item} trong tệp lô hồ sơ không khớp với mã băm đã ký. Chưa nhập gì.',
  SEAL_REPLAYED: 'Tệp lô hồ sơ này ({fileId}) đã được nhập trước đây: không có gì mới.',
  SEAL_CHANGED_DURING_READ:
    'Tệp lô hồ sơ bị thay đổi trong lúc đang nhập nên đã dừng và không giữ lại gì. Hãy chép tệp vào máy rồi nhập lại.',
  SEAL_INPUT_EMPTY: 'Không có hồ sơ nào để xuất thành lô.',
  SEAL_INPUT_RECORD_INVALID: 'Không xuất được bản ghi {id}: trường {field} không hợp lệ.',
  SEAL_INPUT_RECORD_HASH: 'Không xuất được bản ghi {id}: mã băm không khớp với nội dung (dữ liệu lưu trên máy có thể đã hỏng).',
  SEAL_INPUT_ATTACHMENT_HASH:
    'Không xuất được tệp đính kèm {sha256}…: nội dung không khớp với mã băm (dữ liệu lưu trên máy có thể đã hỏng).',
  SEAL_INPUT_ATTACHMENT_TOO_LARGE: 'Không xuất được tệp đính kèm {sha256}…: quá lớn ({bytes} byte, tối đa {max} byte).',
  SEAL_PASSPHRASE: 'Sai cụm mật khẩu, hoặc tệp khóa đã bị sửa.',
  SEAL_PASSPHRASE_WEAK: 'Cụm mật khẩu quá ngắn: cần ít nhất {min} ký tự.',
  SEAL_KEY_FILE_EXISTS: 'Đã có tệp khóa ở {path}; không ghi đè, để khỏi mất khóa đang dùng.',
  SEAL_KEY_FILE_INVALID: 'Tệp khóa không hợp lệ (trường {reason}).',
  SEAL_RECEIPT_INVALID: 'Đây không phải tệp biên nhận Làng số hợp lệ.',
  SEAL_RECEIPT_VERSION_UNSUPPORTED:
    'Tệp biên nhận được tạo bằng phiên bản Làng số mới hơn (định dạng {version}). Hãy cập nhật ứng dụng rồi nhập lại.',
  SEAL_RECEIPT_SIGNATURE:
    'Chữ ký của tổ trưởng trên tệp biên nhận không hợp lệ: tệp đã bị sửa hoặc không do tổ trưởng của bạn tạo. Chưa nhập gì.',
  SEAL_RECEIPT_OTHER_TEAM: 'Tệp biên nhận thuộc tổ khác ({teamId}). Chưa nhập gì.',
  SEAL_RECEIPT_OTHER_DEVICE: 'Tệp biên nhận này dành cho thiết bị khác ({deviceId}). Chưa nhập gì.',
  // --- end of sealed batch files block ---
} as const satisfies Record<string, string>;
