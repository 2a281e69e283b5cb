import { useState } from 'react';
import { z } from 'zod';
import { describeRule, RETENTION_RULE_KINDS, RETENTION_YEARS_MAX, RETENTION_YEARS_MIN, type RetentionRule, type RetentionRuleKind } from '../../../../shared/domain/retention';
import { contract } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, TextField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { useForm } from '../../components/use-form';
import { RuleReason } from '../retention/RuleReason';

const ruleForm = z.object({ kind: z.enum(RETENTION_RULE_KINDS), years: z.string().trim().min(1, 'Enter a number of years') });
const KIND_FROM: Record<RetentionRuleKind, string> = {
  'recorded-plus': 'When the incident was recorded',
  'closed-plus': 'When the incident was closed (an open incident is not reviewed)',
  'dob-plus': "The youngest pupil's date of birth (the pupil's own, for a pupil with no incidents left)",
};
const KIND_CHOICES = RETENTION_RULE_KINDS.map((kind) => ({ value: kind, label: KIND_FROM[kind] }));

function RuleForm({ initial }: { initial: RetentionRule }) {
  const setRule = useWrite('retention.setRule');
  const form = useForm(ruleForm, { kind: initial.kind, years: String(initial.years) });
  const [saved, setSaved] = useState<RetentionRule | null>(null);

  async function submit() {
    setSaved(null);
    const parsed = form.validate();
    if (!parsed) return;
    const checked = contract['retention.setRule'].input.safeParse({ rule: { kind: parsed.kind, years: Number(parsed.years) } });
    if (!checked.success) return form.setErrors({ years: `Enter a whole number from ${RETENTION_YEARS_MIN} to ${RETENTION_YEARS_MAX}` });
    form.setBusy(true);
    const result = await setRule(checked.data);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    setSaved(result.value.rule);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {saved ? (
        <div className="inset inset-success" role="status">
          Saved. Each record is now reviewed {describeRule(saved)}.
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={{ kind: 'Counted from', years: 'Years' }} formError={form.formError} />
      <RadioField name="kind" label="Count the years from" options={KIND_CHOICES} value={form.values.kind} onChange={(v) => form.setValue('kind', v)} error={form.errors.kind} />
      <TextField
        name="years"
        label="Number of years"
        hint={`From ${RETENTION_YEARS_MIN} to ${RETENTION_YEARS_MAX}. A record on legal hold is never proposed for review, whatever the rule.`}
        width="short"
        inputMode="numeric"
        value={form.values.years}
        onChange={(v) => form.setValue('years', v)}
        error={form.errors.years}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save
      </button>
    </form>
  );
}

/** Settings, for the DSL: how long records are kept before review (decision 0029). */
export function RetentionRuleSection() {
  const loaded = useRead('retention.rule', {});
  return (
    <section className="panel" aria-labelledby="retention-rule-title">
      <h2 id="retention-rule-title">Retention</h2>
      <RuleReason />
      <LoadState loaded={loaded}>{({ rule }) => <RuleForm initial={rule} />}</LoadState>
    </section>
  );
}
