/** Vietnamese messages (the default language), keyed by stable code. */
export const vi = {
  // CLI and files
  FILE_NOT_FOUND: 'Không tìm thấy tệp {path}.',
  FILE_UNREADABLE: 'Không đọc được tệp {path}: {reason}.',
  USAGE: 'Cách dùng không đúng: {reason}',
  INTERNAL: 'Lỗi không mong đợi: {reason}. Dữ liệu đã lưu không bị ảnh hưởng.',
} as const satisfies Record<string, string>;
