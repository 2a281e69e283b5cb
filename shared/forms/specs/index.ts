import type { EntryKind } from '../../domain/entries/kinds';
import type { FormSpec } from '../field-spec';
import { actionSpec } from './action';
import { closureSpec } from './closure';
import { conversationSpec } from './conversation';
import { decisionReviewSpec } from './decision-review';
import { deletionSpec } from './deletion';
import { deviceSpec } from './device';
import { disclosureSpec } from './disclosure';
import { escalationSpec } from './escalation';
import { imageryItemSpec } from './imagery-item';
import { extortionSpec } from './extortion';
import { onlineReportSpec } from './online-report';
import { parentsSpec } from './parents';
import { policeReportSpec } from './police-report';
import { riskAssessmentSpec } from './risk-assessment';
import { socialCareSpec } from './social-care';
import { staffWelfareSpec } from './staff-welfare';

/** The form for each kind recorded through SpecForm; initial review and viewing have their own. */
export const ENTRY_FORM_SPECS: Partial<Record<EntryKind, FormSpec>> = {
  disclosure: disclosureSpec,
  'risk-assessment': riskAssessmentSpec,
  parents: parentsSpec,
  'police-report': policeReportSpec,
  device: deviceSpec,
  'social-care': socialCareSpec,
  deletion: deletionSpec,
  'imagery-item': imageryItemSpec,
  'online-report': onlineReportSpec,
  extortion: extortionSpec,
  conversation: conversationSpec,
  'staff-welfare': staffWelfareSpec,
  action: actionSpec,
  escalation: escalationSpec,
  'decision-review': decisionReviewSpec,
  closure: closureSpec,
};
