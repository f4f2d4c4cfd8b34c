// Hostile strings for the tests of spec/quality.md "Security" and "Reliability": markup that must stay
// text, spreadsheet formulas that must stay text, and characters XML cannot carry.

export const MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>'] as const;

export const FORMULAS = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example","点击查看")', "=cmd|' /C calc'!A0"] as const;

/** NUL, BEL, vertical tab (Word's manual line break, pasted), ESC, a non-character and a lone surrogate. */
export const CONTROL = "甲\u0000乙\u0007丙\u000b丁\u001b戊\uffff己\ud800庚";
/** CONTROL as it must come out of a document: the characters XML cannot carry dropped. */
export const CONTROL_CLEANED = "甲乙丙丁戊己庚";
