import { waitFor } from '../../helpers/wait-for.ts';
import { byText, click, typeInto } from './render.tsx';

/** Goes through the consent screen as a resident would: purpose, rights read, name, own tick. */
export async function consentInDom(root: HTMLElement, purpose: string, subject = 'Nguyễn Thị Thử'): Promise<void> {
  // A form opens once its draft (if any) is read.
  await waitFor(() => root.querySelector(`input[value="${purpose}"]`));
  await click(root.querySelector(`input[value="${purpose}"]`));
  await click(root.querySelector('#consent-rights'));
  await typeInto(root, '#consent-subject', subject);
  await click(root.querySelector('input[name="consent-method"][value="tick"]'));
  await click(root.querySelector('#consent-agree'));
  await click(byText(root, 'Đã đồng ý — tiếp tục'));
}
