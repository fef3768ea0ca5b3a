import type { FormField, FormOption, LocalisedText } from './form-field.ts';

/** Small builders so each procedure's form reads as a list of labelled fields. */
interface Opts {
  required?: boolean;
}
const label = (vi: string, en: string): LocalisedText => ({ vi, en });
const req = (opts?: Opts): boolean => opts?.required ?? true;

export const opt = (value: string, vi: string, en: string): FormOption => ({ value, label: label(vi, en) });

export function text(key: string, vi: string, en: string, opts?: Opts & { maxLength?: number }): FormField {
  return { key, type: 'text', label: label(vi, en), required: req(opts), maxLength: opts?.maxLength ?? 200 };
}

export function textarea(key: string, vi: string, en: string, opts?: Opts & { maxLength?: number }): FormField {
  return { key, type: 'textarea', label: label(vi, en), required: req(opts), maxLength: opts?.maxLength ?? 2000 };
}

/** Dates are past or today unless told otherwise (births, deaths, issue dates). */
export function date(key: string, vi: string, en: string, opts?: Opts & { future?: boolean }): FormField {
  return { key, type: 'date', label: label(vi, en), required: req(opts), notFuture: !(opts?.future ?? false) };
}

export function select(key: string, vi: string, en: string, options: readonly FormOption[], opts?: Opts): FormField {
  return { key, type: 'select', label: label(vi, en), required: req(opts), options };
}

interface PersonOpts extends Opts {
  sex?: 'male' | 'female';
  bornOn?: string;
}

export function cccd(key: string, vi: string, en: string, opts?: PersonOpts): FormField {
  return {
    key,
    type: 'cccd',
    label: label(vi, en),
    required: req(opts),
    ...(opts?.sex === undefined ? {} : { sex: opts.sex }),
    ...(opts?.bornOn === undefined ? {} : { bornOn: opts.bornOn }),
  };
}

export function phone(key: string, vi: string, en: string, opts?: Opts): FormField {
  return { key, type: 'phone', label: label(vi, en), required: req(opts) };
}

export function email(key: string, vi: string, en: string, opts?: Opts): FormField {
  return { key, type: 'email', label: label(vi, en), required: req(opts) };
}

export function number(
  key: string,
  vi: string,
  en: string,
  range: { min: number; max: number; integer?: boolean },
  opts?: Opts,
): FormField {
  return {
    key,
    type: 'number',
    label: label(vi, en),
    required: req(opts),
    min: range.min,
    max: range.max,
    integer: range.integer ?? true,
  };
}

// Fields many forms share.
export const SEX_OPTIONS = [opt('male', 'Nam', 'Male'), opt('female', 'Nữ', 'Female')];
export const YES_NO = [opt('yes', 'Có', 'Yes'), opt('no', 'Không', 'No')];

export const fullName = (key = 'fullName', vi = 'Họ, chữ đệm và tên', en = 'Full name', opts?: Opts): FormField => ({
  key,
  type: 'text',
  label: label(vi, en),
  required: req(opts),
  maxLength: 100,
  personName: true,
});
export const dateOfBirth = (key = 'dateOfBirth', vi = 'Ngày, tháng, năm sinh', en = 'Date of birth'): FormField =>
  date(key, vi, en);
export const sex = (key = 'sex', vi = 'Giới tính', en = 'Sex'): FormField => select(key, vi, en, SEX_OPTIONS);
export const personalId = (key = 'cccd', vi = 'Số định danh cá nhân', en = 'Personal ID number', opts?: PersonOpts): FormField =>
  cccd(key, vi, en, opts);
export const contactPhone = (opts?: Opts): FormField =>
  phone('phone', 'Số điện thoại liên hệ', 'Contact phone number', opts);
export const address = (key: string, vi: string, en: string): FormField => text(key, vi, en, { maxLength: 300 });
