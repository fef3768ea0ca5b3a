/**
 * Words of drafts and of leaving a form: what was typed is kept on the phone until it is saved
 * or dropped. Spread into vi.ts.
 */
export const viDrafts = {
  draftRestored: 'Đã mở lại bản nháp lưu lúc {time}.',
  draftDiscard: 'Bỏ bản nháp, điền lại từ đầu',
  draftsTitle: 'Đang điền dở',
  draftContinue: 'Điền tiếp',
  draftSavedAt: 'lưu nháp {time}',
  draftUntitled: '(chưa có tên)',
  draftKind_household: 'Hộ mới',
  draftKind_resident: 'Thành viên',
  draftKind_eid: 'Đăng ký định danh điện tử',
  draftKind_dossier: 'Hồ sơ thủ tục',
  draftKindEdit: 'Sửa',
  leaveTitle: 'Rời khỏi biểu mẫu này?',
  leaveBody: 'Những gì đã nhập chưa được lưu thành hồ sơ. Bản nháp vẫn giữ trên máy: mở lại ở trang hộ để điền tiếp.',
  leaveStay: 'Ở lại điền tiếp',
  leaveGo: 'Rời đi, giữ bản nháp',
} as const;
