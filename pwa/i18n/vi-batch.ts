/**
 * Words of the batch file and of photo handling on the phone: export, receipt import, photos
 * encrypted and purged, the photo size. Kept apart from vi.ts so each file stays short; vi.ts
 * spreads them in. What a shared/seal code means is said by the domain's messages (shared/i18n),
 * the same sentence the team lead's CLI prints.
 */
export const viBatch = {
  batchTitle: 'Gửi bằng tệp (không cần mạng)',
  batchIntro:
    'Không có mạng? Xuất các hồ sơ chờ gửi thành một tệp đã niêm phong, gửi cho tổ trưởng qua Zalo, Bluetooth hoặc USB. Mất tệp cũng không lộ dữ liệu. Hồ sơ vẫn ở trong hàng chờ cho tới khi có biên nhận.',
  batchExport: 'Xuất lô hồ sơ',
  batchExporting: 'Đang niêm phong lô hồ sơ…',
  batchDone: 'Đã xuất {records} hồ sơ và {photos} ảnh ({size}). Hồ sơ vẫn nằm trong hàng chờ cho tới khi có biên nhận.',
  batchDownload: 'Tải tệp về máy',
  batchShare: 'Chia sẻ tệp (Zalo, Bluetooth…)',
  batchLast: 'Lần xuất gần nhất: {at}, {records} hồ sơ.',
  batchFailed: 'Chưa xuất được. {reason} Hồ sơ vẫn an toàn trên máy.',
  batchNoTeam: 'Máy chưa kết nối với tổ nào nên chưa có khóa của tổ trưởng để niêm phong tệp. Vào Cài đặt để kết nối với tổ.',
  batchNoLeadKeys:
    'Chưa niêm phong được: máy chủ của tổ chưa gửi khóa của tổ trưởng (máy chủ phiên bản cũ, hoặc tổ trưởng chưa tạo khóa bằng “langso init”). Khi có mạng, bấm Đồng bộ để nhận khóa.',
  batchNoDeviceKey:
    'Chưa niêm phong được: máy này kết nối với tổ bằng phiên bản cũ nên chưa có khóa ký riêng. Hãy kết nối lại với tổ trong Cài đặt khi có mạng.',
  batchTraining:
    'Chế độ tập huấn: máy chưa nhận khóa tập huấn của tổ trưởng nên không niêm phong được tệp. Dữ liệu tập vẫn ở trên máy.',
  leadKeyTitle: 'Khóa của tổ trưởng',
  leadKeyFingerprint: 'Mã nhận dạng khóa: {fingerprint} — so với mã “langso init” in ra trên máy tổ trưởng.',
  leadKeyNone: 'Chưa nhận khóa của tổ trưởng.',

  receiptFileTitle: 'Biên nhận từ tổ trưởng',
  receiptsImport: 'Nhập biên nhận',
  receiptsImportHint: 'Chọn tệp biên nhận tổ trưởng gửi lại (tệp .json do “langso receipts export” tạo).',
  receiptsImporting: 'Đang kiểm tra chữ ký của tổ trưởng…',
  receiptsDone: 'Biên nhận hợp lệ: {cleared} hồ sơ đã rời hàng chờ, {held} hồ sơ bị tạm giữ, {known} biên nhận đã có từ trước.',
  receiptsRefused: 'Không nhận tệp biên nhận. {reason} ({code})',

  photoPurged: 'Ảnh đã gửi và đã xóa khỏi máy.',
  photoSizeTitle: 'Cỡ ảnh chụp giấy tờ',
  photoSize1024: 'Thường: cạnh dài 1024 điểm ảnh (rõ nét, tối đa 200 KB)',
  photoSize640: 'Mạng yếu: cạnh dài 640 điểm ảnh (nhẹ hơn, tối đa 100 KB)',

} as const satisfies Record<string, string>;
