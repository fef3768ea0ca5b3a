import { escapeHtml } from '../output/html.ts';

export interface CaPageFacts {
  /** The CA's name as phones list it ("Langso Tổ ấp Tân Lợi local CA"). */
  readonly caName: string;
  /** SHA-256 of the certificate, `AB:CD:…`, to compare with what the lead's laptop prints. */
  readonly fingerprint: string;
  /** Where the certificate file is downloaded from (a path on this server). */
  readonly certHref: string;
  /** The hub's HTTPS addresses, to open once the certificate is installed. */
  readonly hubUrls: readonly string[];
}

/**
 * The page a phone opens to trust the team's CA once: the certificate and how to install it,
 * in Vietnamese first, then English. Nothing else is served beside it (no app, no data).
 */
export function caPageHtml(facts: CaPageFacts): string {
  const name = `<b>${escapeHtml(facts.caName)}</b>`;
  const href = escapeHtml(facts.certHref);
  const hubs = facts.hubUrls.map((url) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`).join('<br>');
  const fingerprint = `<code>${escapeHtml(facts.fingerprint)}</code>`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cài chứng chỉ của tổ — Langso</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.4rem;color:#0b5e40}h2{font-size:1.15rem;margin-top:1.5rem}
a.button{display:inline-block;background:#0b5e40;color:#fff;padding:.75rem 1.25rem;border-radius:.5rem;text-decoration:none;font-weight:600}
code{word-break:break-all;font-size:.85rem}li{margin:.35rem 0}.note{color:#555;font-size:.9rem}
hr{margin:2rem 0;border:0;border-top:1px solid #ccc}
</style>
</head>
<body>
<h1>Cài chứng chỉ của tổ (một lần cho mỗi điện thoại)</h1>
<p>Để ứng dụng Làng số chạy an toàn qua Wi-Fi của ấp, điện thoại cần tin chứng chỉ ${name} của tổ.</p>
<p><a class="button" href="${href}" download="langso-ca.crt">Tải chứng chỉ</a></p>
<h2>Android</h2>
<ol>
<li>Bấm <b>Tải chứng chỉ</b> ở trên; tệp <code>langso-ca.crt</code> được lưu vào thư mục Tải xuống.</li>
<li>Mở <b>Cài đặt → Bảo mật → Mã hóa &amp; thông tin xác thực → Cài đặt chứng chỉ → Chứng chỉ CA</b>.
<span class="note">(Samsung: Cài đặt → Sinh trắc học và bảo mật → Cài đặt bảo mật khác → Cài đặt từ bộ nhớ thiết bị → Chứng chỉ CA.)</span></li>
<li>Bấm <b>Vẫn cài đặt</b>, mở khóa màn hình, rồi chọn tệp <code>langso-ca.crt</code>.</li>
<li>Mở lại địa chỉ của hub:<br>${hubs}</li>
</ol>
<h2>iPhone</h2>
<ol>
<li>Mở trang này bằng Safari, bấm <b>Tải chứng chỉ</b> rồi <b>Cho phép</b>.</li>
<li>Mở <b>Cài đặt → Đã tải về hồ sơ → Cài đặt</b>.</li>
<li>Mở <b>Cài đặt → Cài đặt chung → Giới thiệu → Cài đặt tin cậy chứng nhận</b> và bật ${name}.</li>
</ol>
<p class="note">Kiểm tra: dấu vân tay SHA-256 của chứng chỉ phải trùng với dòng in trên máy tính của tổ trưởng:<br>${fingerprint}</p>
<hr>
<h1 lang="en">Install the team's certificate (once per phone)</h1>
<div lang="en">
<p>So that the Langso app runs securely over the village Wi-Fi, the phone must trust the team's certificate ${name}.</p>
<p><a class="button" href="${href}" download="langso-ca.crt">Download the certificate</a></p>
<h2>Android</h2>
<ol>
<li>Tap <b>Download the certificate</b>; <code>langso-ca.crt</code> is saved in Downloads.</li>
<li>Open <b>Settings → Security → Encryption &amp; credentials → Install a certificate → CA certificate</b>.
<span class="note">(Samsung: Settings → Biometrics and security → Other security settings → Install from device storage → CA certificate.)</span></li>
<li>Tap <b>Install anyway</b>, unlock the screen, and pick <code>langso-ca.crt</code>.</li>
<li>Open the hub again:<br>${hubs}</li>
</ol>
<h2>iPhone</h2>
<ol>
<li>Open this page in Safari, tap <b>Download the certificate</b>, then <b>Allow</b>.</li>
<li>Open <b>Settings → Profile Downloaded → Install</b>.</li>
<li>Open <b>Settings → General → About → Certificate Trust Settings</b> and turn on ${name}.</li>
</ol>
<p class="note">Check: the certificate's SHA-256 fingerprint must match the line printed on the team lead's laptop:<br>${fingerprint}</p>
</div>
</body>
</html>
`;
}
