<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountAdjustmentDialog</name>
    <message>
        <source>Adjust account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-12.50 for a credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval (not the person entering it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountLedgerDialog</name>
    <message>
        <source>Account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} · {status} · balance due {due} · deposit held {deposit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <source>Checklist (every item before the oath is signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as on the form *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application fee to the U.S. Department of State (not taken here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount *</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>A supervisor can approve it now with their username and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovedActionDialog</name>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrangementDialog</name>
    <message>
        <source>Payment arrangement: account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount forgiven (reduction only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instalments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second supervisor approves a reduction of the arrears (not you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrangement {no} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instalments (monthly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First one due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgiven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrears {arrears}{cut}; new bills are paid as they fall due as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {cut} forgiven</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Are you sure?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt or target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain OK: {n} events checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHAIN BROKEN at event {seq}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAMPERING FOUND: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutopayPage</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prenote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autopay enrolments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility a&amp;ccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ro&amp;uting number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban&amp;k account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs and returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the &amp;NACHA file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a &amp;returns file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not enrol accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finance supervisor writes the autopay (NACHA) file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finance supervisor applies a returns file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {account} enrolled ({bank}); a prenote goes with the next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NACHA file {n} saved to {path}: {debits} debit(s) of {total} in all, {prenotes} prenote(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the autopay (NACHA) file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NACHA files (*.txt *.ach);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was applied before; nothing was posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{returned} returned debit(s) reversed with the returned-check fee; {prenotes} returned prenote(s) noted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply an ACH returns file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <source>&amp;Import a statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BAI2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match the two chosen by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the bank, not in the books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the books, not yet at the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched bank lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not import or match bank statements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autopay file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{matched} matched; {bank} bank line(s) and {book} book item(s) unmatched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was imported before; nothing was posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {lines} bank line(s) imported, {matched} matched now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank statements (*.bai *.bai2 *.txt *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bank line and a book item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched: {item}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardParts</name>
    <message>
        <source>A card can pay up to the {due} still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card payment was taken. {due} is still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{due} still due: take the next part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That card paid {paid}, more than the {due} still due on this sale: ring the same sale again, or void the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card attached. {due} still due: take the next part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor approves voiding the card payment of {card}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card payment of {amount} is approved: take the rest ({due}) to finish this sale, or press Esc again to void the card payment at the terminal and go back to the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voiding the card payment at the terminal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card payment of {card} is approved and not on a saved sale. If this is that sale, take the card part (F10): it is attached, not run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment approved earlier is voided at the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment was not voided: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment was not voided: {problem} Take the rest ({due}) to finish this sale, or press Esc twice to try the void again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardPaymentDialog</name>
    <message>
        <source>Card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card convenience fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last four digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the customer the amount, then run the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the card on the terminal, then key in what it printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run card (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record card (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to tender (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the terminal again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling at the terminal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome is still unknown. It is kept and will be checked with the terminal before the next card payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the terminal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: {amount}, {brand} ending {last4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly approved: {approved} of {requested}. {rest} is still due: take it another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the terminal: the card may or may not have been charged. Do not run it again; ask the terminal for its status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {reason}. Take another card or another tender.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartTable</name>
    <message>
        <source>Sale lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {no}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseSessionDialog</name>
    <message>
        <source>Close drawer session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away this count? The drawer stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close session (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer cannot close until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash in the drawer, piece by piece. Enter: the next line; Ctrl+Enter: the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each check and money order that is in the drawer (Space ticks the highlighted one; Enter: the next step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checks or money orders were taken. Enter: the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the card terminal&apos;s batch report ({n} card payments) and enter its total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note (needed when a supervisor accepts a difference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks and money orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card batch total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} of 4: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected cash: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted cash: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over/short: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card payments: {a}, terminal batch: {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor must accept this with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the note first, then ask the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlsHandOff</name>
    <message>
        <source>Voided {no}. Hand back {cash} in cash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlsMenu</name>
    <message>
        <source>No drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your drawer session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void a sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund a sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid-in / paid-out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open drawer, no sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close drawer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <source>Throw away what you typed here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw it away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>{city} – customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to {city}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {charge} (includes a {fee} card fee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tendered {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter is closed for a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerLookup</name>
    <message>
        <source>Name, account, address, phone or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First {n} shown — type more to narrow; ↓ ↑ to move, Enter to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} found — ↓ ↑ to move, Enter to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish (español)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts and documents in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find one with F2, or ring a sale without a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} credit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayViewDialog</name>
    <message>
        <source>Day view and Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓ choose a session (the Z report follows); Esc: the whole day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit slip PDF… (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report PDF… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Z report (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (RECOVERY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drawer sessions on this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to print for this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the Z report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoOfferDialog</name>
    <message>
        <source>No users on this station yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station has no users yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To try CounterPOS, load the demo city: City of Mission Vista with 5,000 customers and the demo logins (maria / 1111 is a cashier).

To set up a real station instead, quit and run
    counterpos --home {home} init
which creates the first supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the demo city (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Denomination</name>
    <message>
        <source>$100 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$50 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$20 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$10 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$5 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$2 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$1 bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$1 coins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pennies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolls of quarters ($10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolls of dimes ($5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolls of nickels ($2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolls of pennies (50¢)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DenominationGrid</name>
    <message>
        <source>Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coins and rolls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Sale saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued with this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print them on the receipt printer (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF for a page printer (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {no}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawerClose</name>
    <message>
        <source>Drawer closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drawer session is closed. Count a new float to keep selling, or log out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a new drawer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawerOpenDialog</name>
    <message>
        <source>Open the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, enter how many of each you have in the drawer. Enter: the next line; Ctrl+Enter: open the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day view and reports (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the drawer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away this count?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The float is $0.00: nothing was counted. Open the drawer with no cash in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with $0.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back and count (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarlierCardDialog</name>
    <message>
        <source>Card approved earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card payment of {card} is approved and not on a saved sale (the station stopped before the sale was saved). If this is that customer&apos;s sale, attach the card to it: nobody is charged again. If the customer has gone, void it at the terminal with a supervisor. Still due on this sale: {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void at the terminal (supervisor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultReporter</name>
    <message>
        <source>CounterPOS met an error it did not expect, at {when}.

Nothing was lost: the sale on the screen is still there, and every sale already completed is saved.

Carry on with the sale. If this happens again, call IT and tell them the time; the details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeeScheduleDialog</name>
    <message>
        <source>Fee schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount like 25.00, or the rule as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;effect from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this fee (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {fee} from {day}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show every key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find a customer: type any part of a name, account, address, phone or tag; ↓ ↑ and Enter pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go to the services; then the service&apos;s number (1–8) opens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the selected line (asks: F4 again removes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the last part of a split payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment (as Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take this amount as one part of a split payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay the amount in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment by check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay the amount by check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment by money order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay the amount by money order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay the amount by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer&apos;s sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this drawer&apos;s sales and totals by tender: Enter prints one again, V voids it, R refunds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log out (once the sale is finished or cleared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash: the exact amount, the next $5, $10, $20, $50 and $100 above it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clear the sale and the customer (asks: Ctrl+Delete again clears it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock the screen now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the chosen customer or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take payment; after the sale: next customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back to the customer search (clears what was typed there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back to the sale (the cart stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the menus: Sale, Account (start, stop, transfer, adjust, ledger), Controls (void Ctrl+Shift+V, refund Ctrl+Shift+R, paid-in/out Ctrl+Shift+P, no-sale Ctrl+Shift+N, close drawer Ctrl+Shift+C, day view Ctrl+Shift+D, audit trail, fee schedules); each asks a supervisor on the spot when the cashier may not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moves on or confirms (in a count: the next line); it never throws work away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backs out; if something was typed, it asks before throwing it away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the next / previous field; the field with the focus has a ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeakAdjustmentDialog</name>
    <message>
        <source>Leak adjustment: account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order {no} (leak repaired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s receipt: repaired on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calculation, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calculate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the calculation as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bills the leak ran up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof of repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit {amount}: a second supervisor approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second supervisor approves a leak adjustment (not you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as calculation {no}; new balance {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculation saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineApprovalDialog</name>
    <message>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{description} of {amount} is above {ceiling}: a supervisor confirms an amount that large, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm a large amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} was paid late without its penalty: {description} of {amount} is still owed. A supervisor approves charging it now, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late penalty owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: {description} of {amount} goes on the sale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineApprovals</name>
    <message>
        <source>{description} of {amount} was not added: above {ceiling} a supervisor confirms it with a reason. Ring it again to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The late penalty on {number} was not added: a supervisor approves it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, enter your PIN to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN did not unlock the till: {why} Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>CounterPOS – sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CounterPOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. maria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{city} · station {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING – the demo city, for practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment: the store is still opening…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoSaleDialog</name>
    <message>
        <source>Open the drawer (no sale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open drawer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. change for a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <source>Notices and letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run late fees and &amp;notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renewal notices, next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal notices: days ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fees are charged once per bill; a notice is never sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charging late fees and choosing notices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fees} late fees charged; notices recorded: {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal notices recorded: {sent} ({old} had one already).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the letters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} letters saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <source>Finance office - {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autopay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare the day&apos;s deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finance supervisor verifies a deposit (not its preparer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banked today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions&apos; cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the day&apos;s journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this; a finance supervisor posts journals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSING: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a deposit in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit {n} prepared: {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit {n} verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit {n} banked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal {n} ({state}): debits {d}, credits {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal {n} drafted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the day&apos;s journal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal {n} posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft and post the day&apos;s journal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal {n} saved to {path}{copy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (copy {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report is being written; log out when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back without the supervisor&apos;s approval?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor must approve this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaidInOutDialog</name>
    <message>
        <source>Paid-in / paid-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid-out (cash leaves the drawer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid-in (cash goes into the drawer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. postage, change fund top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded {kind} {no}: {amount}. Its slip is printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid-out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassportDialog</name>
    <message>
        <source>Passport acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add applicant (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Photo sets taken here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card convenience fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}  Alt+{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{brand} ending {last4}, approval {code}, fee {fee}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payment files (lockbox bank, online or phone payments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lockbox file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online or phone payments file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of payment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a payment file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number, or scan the bill stub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the stub&apos;s amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding-machine &amp;total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccount or stub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amou&amp;nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to the tape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Post the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail batch&apos;s tape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not import payment files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not enter mail batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {posted} payment(s) posted, {held} held in suspense, total {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused, seen before: {numbers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a payment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tape {tape} ({n} item(s)); enter the adding-machine total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tape {tape} ({n} item(s)) of {control}: difference {diff}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added to the tape: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added; the tape is {tape}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the adding-machine total (like 1234.56) first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintWorker</name>
    <message>
        <source>The printer job failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressJob</name>
    <message>
        <source>The job failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadEntryDialog</name>
    <message>
        <source>Meter reads by route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{route} ({n} meters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the read on the dials, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated, not read (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route&apos;s meters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter save · R/W rollover or wrong · F9 estimated · PgUp/PgDn move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meters on this route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pos} of {n}: {serial} · account {account} · {address} · {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expected {low}–{high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read is the whole number on the dials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is below the last read {previous}. R: the meter rolled over ({units} used). W: a wrong read, type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the read again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash from this drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request to finance (paid by check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {left} can be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the line refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every line, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}. {what}: {left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the line refunded: this sale has {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand back {amount} in cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance will mail a check for {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {no} of receipt {orig}. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>The cash-receipts journal; revenue by fund, GL account and service; the registers of deposits, adjustments, voids, refunds and over/short by cashier; receipt-number continuity per station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal year ending in the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not run the office&apos;s period reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report is being written; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {period}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the period report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint a receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total, like 45.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} receipt(s) found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and electronic payments of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s &amp;reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NSF (insufficient funds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to locate account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer to maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the &amp;payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finance supervisor handles a returned check or ACH payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and electronic payments of {day} not returned (the date above):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the returned payment in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse the payment of {amount} on receipt {receipt} ({kind} {number}) as returned: {reason}? The customer is charged the returned-check fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account now pays cash only until {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is not cash-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to unpaid: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {receipt}: {amount} reversed by receipt {reversal}. Returned-check fee {fee} (return no. {n} of this customer). {cash_only}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment of receipt {receipt} returned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>senior cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceLineDialog</name>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the late &amp;penalty owed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter {what}… (none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {n} entered (change…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee: {fee}{each}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fee follows from the details above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance due {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the late &amp;penalty owed ({amount})…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>{fee} each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {fee}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSalesDialog</name>
    <message>
        <source>This drawer&apos;s sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: print again · V: void · R: refund · ↑ ↓: choose · Esc: back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void (V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted at close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drawer by tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;{n} sales · {r} refunds&lt;br&gt;Paid in {pin} · paid out {pout}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Cash is counted blind when you close the drawer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {no}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sale that is not voided.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartServiceDialog</name>
    <message>
        <source>Start utility service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mailing address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer &amp;class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopServiceDialog</name>
    <message>
        <source>Stop service — account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address}: balance due {due}, deposit held {deposit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street, city, state, ZIP for the final bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forwarding address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop service (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Deposit applied {applied}; refund requested {refund}; still due {due}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <source>An unexpected error stopped the start ({kind}); the log file in the data folder has the details. `counterpos doctor` checks the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuspensePage</name>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments in suspense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to a&amp;ccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply to the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fund to the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a finance supervisor resolves suspense payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a payment in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {conf} applied; receipt {receipt}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {conf} refunded; receipt {receipt}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Sync status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1 · %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 record(s) set aside: a supervisor should look at them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tender</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short {amount}: F6 takes it as one part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {charge} (fee {fee})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} of {amount} is less than the {due} due. To split the payment, press F6 to take it as one part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A check or money order cannot be more than is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{due} still due: take the next part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An approved card stays on this sale: take the rest of the payment to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New total: {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened to print: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for the page printer: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the sale? The parts taken so far ({parts}) are dropped: hand them back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillApp</name>
    <message>
        <source>Preparing the demo city… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CounterPOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station&apos;s configuration file was not applied: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station runs CounterPOS {running}; the city has approved {approved}. Sales work as usual; ask IT to install the new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo city ready: sign in as maria, PIN 1111.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station&apos;s users have arrived from the central database: sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CounterPOS cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store in {home} could not be opened:

{message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillMenus</name>
    <message>
        <source>&amp;Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay in cash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by money order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This drawer&apos;s sales…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a receipt to reprint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee schedules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the customer (F2) and choose one of their accounts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service transferred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillPayment</name>
    <message>
        <source>The cart is empty: add a service first (F3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved receipt {no}. Change {change}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <source>CounterPOS – {city}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services (F3, then the number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING – practice on the demo city: no real money, nothing syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer opened {when}, float {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale has no lines to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {n} removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line {n}: {what}, {amount}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear this sale ({lines}, {total}) and the customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) before closing the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) before logging out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till will sign out and open a separate training store with the demo city: every receipt says TRAINING, nothing syncs, cards go to the simulator. The first time, preparing it takes about a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till will sign out and open the station&apos;s own store again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Monday class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to training (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the station&apos;s store (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferServiceDialog</name>
    <message>
        <source>Transfer service — account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {address}: balance due {due} and deposit {deposit} move along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moving on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UtilityDeskDialog</name>
    <message>
        <source>Utility desk: account {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut-off on/after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Meters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arran&amp;gement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an &amp;arrangement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leak adjustment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a} credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance due {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water is disconnected for non-payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be disconnected today: {a} past due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a} past due; not eligible for shut-off: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing past due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (replaced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reverses {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversed by {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (returned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment arrangement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, next {amount} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no}: {kind}, {state}; {paid} paid of {due} due so far{next}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrangement recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak adjustment saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UtilityMenu</name>
    <message>
        <source>Find the customer (F2) and choose one of their accounts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility desk: meters, reads, bills, notices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meter reads by route…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices and letters…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back without voiding? What you typed is thrown away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. rung twice, wrong service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided. Hand back {cash} in cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
