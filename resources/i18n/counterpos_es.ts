<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountAdjustmentDialog</name>
    <message>
        <source>Adjust account {no}</source>
        <translation>Ajustar la cuenta {no}</translation>
    </message>
    <message>
        <source>-12.50 for a credit</source>
        <translation>-12.50 para un crédito</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>Supervisor approval (not the person entering it)</source>
        <translation>Aprobación del supervisor (no de quien lo registra)</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Approve and save (Enter)</source>
        <translation>Aprobar y guardar (Enter)</translation>
    </message>
</context>
<context>
    <name>AccountLedgerDialog</name>
    <message>
        <source>Account {no}</source>
        <translation>Cuenta {no}</translation>
    </message>
    <message>
        <source>{address} · {status} · balance due {due} · deposit held {deposit}</source>
        <translation>{address} · {status} · saldo pendiente {due} · depósito retenido {deposit}</translation>
    </message>
    <message>
        <source>Account ledger</source>
        <translation>Movimientos de la cuenta</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Saldo pendiente</translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation>Depósito retenido</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Cerrar (Enter)</translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <source>Checklist (every item before the oath is signed)</source>
        <translation>Lista de control (cada punto antes de firmar el juramento)</translation>
    </message>
    <message>
        <source>Name as on the form *</source>
        <translation>Nombre como en el formulario *</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Fecha de nacimiento *</translation>
    </message>
    <message>
        <source>Form *</source>
        <translation>Formulario *</translation>
    </message>
    <message>
        <source>Application fee to the U.S. Department of State (not taken here)</source>
        <translation>Cuota de solicitud al Departamento de Estado de EE. UU. (no se cobra aquí)</translation>
    </message>
    <message>
        <source>Paid by *</source>
        <translation>Pagado por *</translation>
    </message>
    <message>
        <source>Number *</source>
        <translation>Número *</translation>
    </message>
    <message>
        <source>Amount *</source>
        <translation>Monto *</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>A supervisor can approve it now with their username and PIN.</source>
        <translation>Un supervisor puede aprobarlo ahora con su usuario y PIN.</translation>
    </message>
</context>
<context>
    <name>ApprovedActionDialog</name>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Listo (Enter)</translation>
    </message>
</context>
<context>
    <name>ArrangementDialog</name>
    <message>
        <source>Payment arrangement: account {no}</source>
        <translation>Acuerdo de pago: cuenta {no}</translation>
    </message>
    <message>
        <source>amount forgiven (reduction only)</source>
        <translation>monto perdonado (solo en una reducción)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Adeudado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>The instalments</source>
        <translation>Las cuotas</translation>
    </message>
    <message>
        <source>A second supervisor approves a reduction of the arrears (not you).</source>
        <translation>Otro supervisor aprueba la reducción del adeudo (no usted).</translation>
    </message>
    <message>
        <source>Arrangement {no} saved.</source>
        <translation>Convenio {no} guardado.</translation>
    </message>
    <message>
        <source>Save the arrangement</source>
        <translation>Guardar el acuerdo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Instalments (monthly)</source>
        <translation>Cuotas (mensuales)</translation>
    </message>
    <message>
        <source>First one due</source>
        <translation>Vence el primero</translation>
    </message>
    <message>
        <source>Forgiven</source>
        <translation>Perdonado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Arrears {arrears}{cut}; new bills are paid as they fall due as well.</source>
        <translation>Atrasos {arrears}{cut}; además, las facturas nuevas se pagan a su vencimiento.</translation>
    </message>
    <message>
        <source>, {cut} forgiven</source>
        <translation>, {cut} perdonado</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Are you sure?</source>
        <translation>¿Está seguro?</translation>
    </message>
    <message>
        <source>Keep it (Enter)</source>
        <translation>Conservarlo (Enter)</translation>
    </message>
    <message>
        <source>{what} ({key})</source>
        <translation>{what} ({key})</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>receipt or target</source>
        <translation>recibo u objeto</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>Mostrar (Enter)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar la cadena</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} eventos</translation>
    </message>
    <message>
        <source>Chain OK: {n} events checked.</source>
        <translation>Cadena correcta: {n} eventos revisados.</translation>
    </message>
    <message>
        <source>CHAIN BROKEN at event {seq}: {problem}</source>
        <translation>CADENA ROTA en el evento {seq}: {problem}</translation>
    </message>
    <message>
        <source>TAMPERING FOUND: {problem}</source>
        <translation>SE ENCONTRÓ UNA ALTERACIÓN: {problem}</translation>
    </message>
</context>
<context>
    <name>AutopayPage</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Routing no.</source>
        <translation>N.º de ruta</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Cuenta bancaria</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Prenote</source>
        <translation>Prenotificación</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrita</translation>
    </message>
    <message>
        <source>Autopay enrolments</source>
        <translation>Inscripciones en pago automático</translation>
    </message>
    <message>
        <source>Enrol an account</source>
        <translation>Inscribir una cuenta</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Corriente</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Ahorros</translation>
    </message>
    <message>
        <source>Utility a&amp;ccount</source>
        <translation>Cuenta de servi&amp;cios</translation>
    </message>
    <message>
        <source>Account &amp;holder</source>
        <translation>&amp;Titular de la cuenta</translation>
    </message>
    <message>
        <source>Ro&amp;uting number</source>
        <translation>Número de r&amp;uta</translation>
    </message>
    <message>
        <source>Ban&amp;k account number</source>
        <translation>Número de cuenta &amp;bancaria</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Inscribir</translation>
    </message>
    <message>
        <source>Runs and returns</source>
        <translation>Cobros y devoluciones</translation>
    </message>
    <message>
        <source>Run &amp;date</source>
        <translation>&amp;Fecha de cobro</translation>
    </message>
    <message>
        <source>Run date</source>
        <translation>Fecha de cobro</translation>
    </message>
    <message>
        <source>Write the &amp;NACHA file…</source>
        <translation>Escribir el archivo &amp;NACHA…</translation>
    </message>
    <message>
        <source>Apply a &amp;returns file…</source>
        <translation>Aplicar un archivo de &amp;devoluciones…</translation>
    </message>
    <message>
        <source>Your role may not enrol accounts.</source>
        <translation>Su rol no puede inscribir cuentas.</translation>
    </message>
    <message>
        <source>Only a finance supervisor writes the autopay (NACHA) file.</source>
        <translation>Solo un supervisor de finanzas escribe el archivo de pago automático (NACHA).</translation>
    </message>
    <message>
        <source>Only a finance supervisor applies a returns file.</source>
        <translation>Solo un supervisor de finanzas aplica un archivo de devoluciones.</translation>
    </message>
    <message>
        <source>with the next run</source>
        <translation>con el próximo cobro</translation>
    </message>
    <message>
        <source>Account {account} enrolled ({bank}); a prenote goes with the next run.</source>
        <translation>Cuenta {account} inscrita ({bank}); la prenotificación va con el próximo cobro.</translation>
    </message>
    <message>
        <source>NACHA file {n} saved to {path}: {debits} debit(s) of {total} in all, {prenotes} prenote(s).</source>
        <translation>Archivo NACHA {n} guardado en {path}: {debits} débito(s) por {total} en total, {prenotes} prenotificación(es).</translation>
    </message>
    <message>
        <source>Save the autopay (NACHA) file</source>
        <translation>Guardar el archivo de pago automático (NACHA)</translation>
    </message>
    <message>
        <source>NACHA files (*.txt *.ach);;All files (*)</source>
        <translation>Archivos NACHA (*.txt *.ach);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{name} was applied before; nothing was posted.</source>
        <translation>{name} ya se aplicó antes; no se registró nada.</translation>
    </message>
    <message>
        <source>{returned} returned debit(s) reversed with the returned-check fee; {prenotes} returned prenote(s) noted.</source>
        <translation>{returned} débito(s) devuelto(s) revertido(s) con el cargo por cheque devuelto; {prenotes} prenotificación(es) devuelta(s) anotada(s).</translation>
    </message>
    <message>
        <source>Apply an ACH returns file</source>
        <translation>Aplicar un archivo de devoluciones ACH</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <source>&amp;Import a statement…</source>
        <translation>&amp;Importar un estado de cuenta…</translation>
    </message>
    <message>
        <source>Format from the file</source>
        <translation>Formato según el archivo</translation>
    </message>
    <message>
        <source>BAI2</source>
        <translation>BAI2</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Statement format</source>
        <translation>Formato del estado de cuenta</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Cuenta bancaria</translation>
    </message>
    <message>
        <source>&amp;Match the two chosen by hand</source>
        <translation>&amp;Conciliar a mano los dos elegidos</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Asentado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Bank line</source>
        <translation>Línea del banco</translation>
    </message>
    <message>
        <source>At the bank, not in the books</source>
        <translation>En el banco, no en los libros</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>In the books, not yet at the bank</source>
        <translation>En los libros, aún no en el banco</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Conciliadas</translation>
    </message>
    <message>
        <source>Book item</source>
        <translation>Partida de los libros</translation>
    </message>
    <message>
        <source>Book date</source>
        <translation>Fecha en los libros</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Matched bank lines</source>
        <translation>Líneas del banco conciliadas</translation>
    </message>
    <message>
        <source>Your role may not import or match bank statements.</source>
        <translation>Su rol no puede importar ni conciliar estados de cuenta.</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>depósito</translation>
    </message>
    <message>
        <source>card settlement</source>
        <translation>liquidación de tarjetas</translation>
    </message>
    <message>
        <source>autopay file</source>
        <translation>archivo de pago automático</translation>
    </message>
    <message>
        <source>returned item</source>
        <translation>partida devuelta</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>a mano</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automática</translation>
    </message>
    <message>
        <source>{matched} matched; {bank} bank line(s) and {book} book item(s) unmatched.</source>
        <translation>{matched} conciliada(s); {bank} línea(s) del banco y {book} partida(s) de los libros sin conciliar.</translation>
    </message>
    <message>
        <source>{name} was imported before; nothing was posted.</source>
        <translation>{name} ya se importó antes; no se registró nada.</translation>
    </message>
    <message>
        <source>{name}: {lines} bank line(s) imported, {matched} matched now.</source>
        <translation>{name}: {lines} línea(s) del banco importada(s), {matched} conciliada(s) ahora.</translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation>Importar un estado de cuenta bancario</translation>
    </message>
    <message>
        <source>Bank statements (*.bai *.bai2 *.txt *.csv);;All files (*)</source>
        <translation>Estados de cuenta (*.bai *.bai2 *.txt *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a bank line and a book item first.</source>
        <translation>Elija primero una línea del banco y una partida de los libros.</translation>
    </message>
    <message>
        <source>Matched: {item}.</source>
        <translation>Conciliada: {item}.</translation>
    </message>
</context>
<context>
    <name>CardParts</name>
    <message>
        <source>A card can pay up to the {due} still due.</source>
        <translation>Con tarjeta se puede pagar hasta los {due} pendientes.</translation>
    </message>
    <message>
        <source>No card payment was taken. {due} is still due.</source>
        <translation>No se tomó ningún pago con tarjeta. Quedan {due} pendientes.</translation>
    </message>
    <message>
        <source>{due} still due: take the next part.</source>
        <translation>Quedan {due} pendientes: cobre el siguiente pago parcial.</translation>
    </message>
    <message>
        <source>That card paid {paid}, more than the {due} still due on this sale: ring the same sale again, or void the card.</source>
        <translation>Esa tarjeta pagó {paid}, más que los {due} pendientes de esta venta: registre la misma venta otra vez, o anule la tarjeta.</translation>
    </message>
    <message>
        <source>Card attached. {due} still due: take the next part.</source>
        <translation>Tarjeta agregada. Quedan {due} pendientes: cobre el siguiente pago parcial.</translation>
    </message>
    <message>
        <source>A supervisor approves voiding the card payment of {card}.</source>
        <translation>Un supervisor aprueba anular el pago con tarjeta de {card}.</translation>
    </message>
    <message>
        <source>A card payment of {amount} is approved: take the rest ({due}) to finish this sale, or press Esc again to void the card payment at the terminal and go back to the sale.</source>
        <translation>Se aprobó un pago con tarjeta de {amount}: cobre el resto ({due}) para terminar esta venta, o pulse Esc otra vez para anular el pago en la terminal y volver a la venta.</translation>
    </message>
    <message>
        <source>Voiding the card payment at the terminal…</source>
        <translation>Anulando el pago con tarjeta en la terminal…</translation>
    </message>
    <message>
        <source>A card payment of {card} is approved and not on a saved sale. If this is that sale, take the card part (F10): it is attached, not run again.</source>
        <translation>Hay un pago con tarjeta de {card} aprobado que no está en una venta guardada. Si es esta venta, cobre la parte con tarjeta (F10): se agrega, no se pasa otra vez.</translation>
    </message>
    <message>
        <source>The card payment approved earlier is voided at the terminal.</source>
        <translation>El pago con tarjeta aprobado antes se anuló en la terminal.</translation>
    </message>
    <message>
        <source>The card payment was not voided: {problem}</source>
        <translation>El pago con tarjeta no se anuló: {problem}</translation>
    </message>
    <message>
        <source>The card payment was not voided: {problem} Take the rest ({due}) to finish this sale, or press Esc twice to try the void again.</source>
        <translation>El pago con tarjeta no se anuló: {problem} Cobre el resto ({due}) para terminar esta venta, o pulse Esc dos veces para intentar anularlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>CardPaymentDialog</name>
    <message>
        <source>Card payment</source>
        <translation>Pago con tarjeta</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Card convenience fee</source>
        <translation>Cargo por pago con tarjeta</translation>
    </message>
    <message>
        <source>Run on the card</source>
        <translation>Cobrar con la tarjeta</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Código de aprobación</translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation>Marca de la tarjeta</translation>
    </message>
    <message>
        <source>Last four digits</source>
        <translation>Últimos cuatro dígitos</translation>
    </message>
    <message>
        <source>Amount approved</source>
        <translation>Monto aprobado</translation>
    </message>
    <message>
        <source>Show the customer the amount, then run the card.</source>
        <translation>Muestre el monto al cliente y luego pase la tarjeta.</translation>
    </message>
    <message>
        <source>Run the card on the terminal, then key in what it printed.</source>
        <translation>Pase la tarjeta en la terminal y luego escriba lo que imprimió.</translation>
    </message>
    <message>
        <source>Run card (Enter)</source>
        <translation>Pasar tarjeta (Enter)</translation>
    </message>
    <message>
        <source>Record card (Enter)</source>
        <translation>Registrar tarjeta (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Listo (Enter)</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>Intentar de nuevo (Enter)</translation>
    </message>
    <message>
        <source>Back to tender (Esc)</source>
        <translation>Volver al pago (Esc)</translation>
    </message>
    <message>
        <source>Ask the terminal again</source>
        <translation>Preguntar de nuevo a la terminal</translation>
    </message>
    <message>
        <source>Cancelling at the terminal…</source>
        <translation>Cancelando en la terminal…</translation>
    </message>
    <message>
        <source>The outcome is still unknown. It is kept and will be checked with the terminal before the next card payment.</source>
        <translation>El resultado aún se desconoce. Se guarda y se consultará con la terminal antes del próximo pago con tarjeta.</translation>
    </message>
    <message>
        <source>Waiting for the terminal…</source>
        <translation>Esperando a la terminal…</translation>
    </message>
    <message>
        <source>Approved: {amount}, {brand} ending {last4}.</source>
        <translation>Aprobado: {amount}, {brand} terminada en {last4}.</translation>
    </message>
    <message>
        <source>Partly approved: {approved} of {requested}. {rest} is still due: take it another way.</source>
        <translation>Aprobado en parte: {approved} de {requested}. Quedan {rest} pendientes: cóbrelos de otra forma.</translation>
    </message>
    <message>
        <source>No answer from the terminal: the card may or may not have been charged. Do not run it again; ask the terminal for its status.</source>
        <translation>La terminal no respondió: puede que se haya cobrado la tarjeta o no. No la pase otra vez; pregunte a la terminal por su estado.</translation>
    </message>
    <message>
        <source>nothing was charged</source>
        <translation>no se cobró nada</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>{title}: {reason}. Take another card or another tender.</source>
        <translation>{title}: {reason}. Pida otra tarjeta u otra forma de pago.</translation>
    </message>
</context>
<context>
    <name>CartTable</name>
    <message>
        <source>Sale lines</source>
        <translation>Líneas de la venta</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Account {no}</source>
        <translation>Cuenta {no}</translation>
    </message>
</context>
<context>
    <name>CloseSessionDialog</name>
    <message>
        <source>Close drawer session</source>
        <translation>Cerrar la sesión de caja</translation>
    </message>
    <message>
        <source>Throw away this count? The drawer stays open.</source>
        <translation>¿Descartar este conteo? La caja sigue abierta.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>Siguiente (Enter)</translation>
    </message>
    <message>
        <source>Close session (Enter)</source>
        <translation>Cerrar sesión de caja (Enter)</translation>
    </message>
    <message>
        <source>The drawer cannot close until then.</source>
        <translation>La caja no puede cerrarse hasta entonces.</translation>
    </message>
    <message>
        <source>Count the cash in the drawer, piece by piece. Enter: the next line; Ctrl+Enter: the next step.</source>
        <translation>Cuente el efectivo de la caja, pieza por pieza. Enter: la línea siguiente; Ctrl+Enter: el paso siguiente.</translation>
    </message>
    <message>
        <source>Tick each check and money order that is in the drawer (Space ticks the highlighted one; Enter: the next step).</source>
        <translation>Marque cada cheque y giro postal que esté en la caja (Espacio marca el resaltado; Enter: el paso siguiente).</translation>
    </message>
    <message>
        <source>No checks or money orders were taken. Enter: the next step.</source>
        <translation>No se recibieron cheques ni giros postales. Enter: el paso siguiente.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Print the card terminal&apos;s batch report ({n} card payments) and enter its total.</source>
        <translation>Imprima el informe de lote de la terminal ({n} pagos con tarjeta) y escriba su total.</translation>
    </message>
    <message>
        <source>&amp;Note (needed when a supervisor accepts a difference)</source>
        <translation>N&amp;ota (necesaria si un supervisor acepta una diferencia)</translation>
    </message>
    <message>
        <source>Count the cash</source>
        <translation>Contar el efectivo</translation>
    </message>
    <message>
        <source>Checks and money orders</source>
        <translation>Cheques y giros postales</translation>
    </message>
    <message>
        <source>Card batch total</source>
        <translation>Total del lote de tarjetas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Step {n} of 4: {title}</source>
        <translation>Paso {n} de 4: {title}</translation>
    </message>
    <message>
        <source>Counted: {total}</source>
        <translation>Contado: {total}</translation>
    </message>
    <message>
        <source>Expected cash: {v}</source>
        <translation>Efectivo esperado: {v}</translation>
    </message>
    <message>
        <source>Counted cash: {v}</source>
        <translation>Efectivo contado: {v}</translation>
    </message>
    <message>
        <source>Over/short: {v}</source>
        <translation>Sobrante/faltante: {v}</translation>
    </message>
    <message>
        <source>Card payments: {a}, terminal batch: {b}</source>
        <translation>Pagos con tarjeta: {a}, lote de la terminal: {b}</translation>
    </message>
    <message>
        <source>A supervisor must accept this with a note.</source>
        <translation>Un supervisor debe aceptarlo con una nota.</translation>
    </message>
    <message>
        <source>Write the note first, then ask the supervisor.</source>
        <translation>Escriba primero la nota y luego pida al supervisor.</translation>
    </message>
</context>
<context>
    <name>ControlsHandOff</name>
    <message>
        <source>Voided {no}. Hand back {cash} in cash.</source>
        <translation>Anulado {no}. Devuelva {cash} en efectivo.</translation>
    </message>
</context>
<context>
    <name>ControlsMenu</name>
    <message>
        <source>No drawer</source>
        <translation>Sin caja</translation>
    </message>
    <message>
        <source>Open your drawer session first.</source>
        <translation>Primero abra su sesión de caja.</translation>
    </message>
    <message>
        <source>Void a sale…</source>
        <translation>Anular una venta…</translation>
    </message>
    <message>
        <source>Refund a sale…</source>
        <translation>Reembolsar una venta…</translation>
    </message>
    <message>
        <source>Paid-in / paid-out…</source>
        <translation>Entradas / salidas…</translation>
    </message>
    <message>
        <source>Open drawer, no sale…</source>
        <translation>Abrir cajón sin venta…</translation>
    </message>
    <message>
        <source>Close drawer…</source>
        <translation>Cerrar la caja…</translation>
    </message>
    <message>
        <source>Day view…</source>
        <translation>Resumen del día…</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Registro de auditoría…</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <source>Throw away what you typed here?</source>
        <translation>¿Descartar lo que escribió aquí?</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Throw it away</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>{city} – customer display</source>
        <translation>{city} – pantalla del cliente</translation>
    </message>
    <message>
        <source>Welcome to {city}</source>
        <translation>Bienvenido a {city}</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Sus artículos</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>A pagar {amount}</translation>
    </message>
    <message>
        <source>Card {charge} (includes a {fee} card fee)</source>
        <translation>Tarjeta {charge} (incluye un cargo de {fee} por tarjeta)</translation>
    </message>
    <message>
        <source>Tendered {amount}</source>
        <translation>Entregado {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Cambio {amount}</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation>Pagado {amount}</translation>
    </message>
    <message>
        <source>Your change {amount}</source>
        <translation>Su cambio {amount}</translation>
    </message>
    <message>
        <source>Receipt {no}</source>
        <translation>Recibo {no}</translation>
    </message>
    <message>
        <source>This counter is closed for a moment.</source>
        <translation>Esta ventanilla está cerrada por un momento.</translation>
    </message>
    <message>
        <source>This counter is closed.</source>
        <translation>Esta ventanilla está cerrada.</translation>
    </message>
</context>
<context>
    <name>CustomerLookup</name>
    <message>
        <source>Name, account, address, phone or tag</source>
        <translation>Nombre, cuenta, dirección, teléfono o placa</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Buscar un cliente</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Clientes encontrados</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>First {n} shown — type more to narrow; ↓ ↑ to move, Enter to choose</source>
        <translation>Se muestran los primeros {n}: escriba más para acotar; ↓ ↑ para moverse, Enter para elegir</translation>
    </message>
    <message>
        <source>{n} found — ↓ ↑ to move, Enter to choose</source>
        <translation>{n} encontrados: ↓ ↑ para moverse, Enter para elegir</translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation>Ningún cliente coincide con “{text}”.</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish (español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Receipts and documents in</source>
        <translation>Recibos y documentos en</translation>
    </message>
    <message>
        <source>&amp;Receipts in</source>
        <translation>&amp;Recibos en</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Adeudado</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Utility accounts</source>
        <translation>Cuentas de servicios públicos</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>Ningún cliente elegido</translation>
    </message>
    <message>
        <source>Find one with F2, or ring a sale without a customer.</source>
        <translation>Búsquelo con F2, o haga una venta sin cliente.</translation>
    </message>
    <message>
        <source>{amount} credit</source>
        <translation>{amount} a favor</translation>
    </message>
</context>
<context>
    <name>DayViewDialog</name>
    <message>
        <source>Day view and Z report</source>
        <translation>Resumen del día e informe Z</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>↑ ↓ choose a session (the Z report follows); Esc: the whole day</source>
        <translation>↑ ↓ elija una sesión (sigue el informe Z); Esc: todo el día</translation>
    </message>
    <message>
        <source>Drawer sessions</source>
        <translation>Sesiones de caja</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Deposit slip PDF… (Ctrl+D)</source>
        <translation>Comprobante de depósito en PDF… (Ctrl+D)</translation>
    </message>
    <message>
        <source>Z report PDF… (Ctrl+S)</source>
        <translation>Informe Z en PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print Z report (Ctrl+P)</source>
        <translation>Imprimir informe Z (Ctrl+P)</translation>
    </message>
    <message>
        <source> (RECOVERY)</source>
        <translation> (RECUPERACIÓN)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>1 session on {day}</source>
        <translation>1 sesión el {day}</translation>
    </message>
    <message>
        <source>{n} sessions on {day}</source>
        <translation>{n} sesiones el {day}</translation>
    </message>
    <message>
        <source>No drawer sessions on this date.</source>
        <translation>No hay sesiones de caja en esta fecha.</translation>
    </message>
    <message>
        <source>There is nothing to print for this date.</source>
        <translation>No hay nada que imprimir para esta fecha.</translation>
    </message>
    <message>
        <source>Printing the Z report…</source>
        <translation>Imprimiendo el informe Z…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Guardado {name}</translation>
    </message>
</context>
<context>
    <name>DemoOfferDialog</name>
    <message>
        <source>No users on this station yet</source>
        <translation>Esta estación aún no tiene usuarios</translation>
    </message>
    <message>
        <source>This station has no users yet.</source>
        <translation>Esta estación aún no tiene usuarios.</translation>
    </message>
    <message>
        <source>To try CounterPOS, load the demo city: City of Mission Vista with 5,000 customers and the demo logins (maria / 1111 is a cashier).

To set up a real station instead, quit and run
    counterpos --home {home} init
which creates the first supervisor.</source>
        <translation>Para probar CounterPOS, cargue la ciudad de demostración: City of Mission Vista con 5,000 clientes y los usuarios de demostración (maria / 1111 es cajera).

Para configurar una estación real, salga y ejecute
    counterpos --home {home} init
que crea el primer supervisor.</translation>
    </message>
    <message>
        <source>Load the demo city (Enter)</source>
        <translation>Cargar la ciudad de demostración (Enter)</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Salir (Esc)</translation>
    </message>
</context>
<context>
    <name>Denomination</name>
    <message>
        <source>$100 bills</source>
        <translation>Billetes de $100</translation>
    </message>
    <message>
        <source>$50 bills</source>
        <translation>Billetes de $50</translation>
    </message>
    <message>
        <source>$20 bills</source>
        <translation>Billetes de $20</translation>
    </message>
    <message>
        <source>$10 bills</source>
        <translation>Billetes de $10</translation>
    </message>
    <message>
        <source>$5 bills</source>
        <translation>Billetes de $5</translation>
    </message>
    <message>
        <source>$2 bills</source>
        <translation>Billetes de $2</translation>
    </message>
    <message>
        <source>$1 bills</source>
        <translation>Billetes de $1</translation>
    </message>
    <message>
        <source>$1 coins</source>
        <translation>Monedas de $1</translation>
    </message>
    <message>
        <source>Half dollars</source>
        <translation>Monedas de 50¢</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>Monedas de 25¢</translation>
    </message>
    <message>
        <source>Dimes</source>
        <translation>Monedas de 10¢</translation>
    </message>
    <message>
        <source>Nickels</source>
        <translation>Monedas de 5¢</translation>
    </message>
    <message>
        <source>Pennies</source>
        <translation>Monedas de 1¢</translation>
    </message>
    <message>
        <source>Rolls of quarters ($10)</source>
        <translation>Rollos de 25¢ ($10)</translation>
    </message>
    <message>
        <source>Rolls of dimes ($5)</source>
        <translation>Rollos de 10¢ ($5)</translation>
    </message>
    <message>
        <source>Rolls of nickels ($2)</source>
        <translation>Rollos de 5¢ ($2)</translation>
    </message>
    <message>
        <source>Rolls of pennies (50¢)</source>
        <translation>Rollos de 1¢ (50¢)</translation>
    </message>
</context>
<context>
    <name>DenominationGrid</name>
    <message>
        <source>Bills</source>
        <translation>Billetes</translation>
    </message>
    <message>
        <source>Coins and rolls</source>
        <translation>Monedas y rollos</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Sale saved</source>
        <translation>Venta guardada</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Issued with this sale</source>
        <translation>Emitido con esta venta</translation>
    </message>
    <message>
        <source>Print them on the receipt printer (P)</source>
        <translation>Imprimirlos en la impresora de recibos (P)</translation>
    </message>
    <message>
        <source>PDF for a page printer (D)</source>
        <translation>PDF para impresora de hojas (D)</translation>
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation>Siguiente cliente (Enter)</translation>
    </message>
    <message>
        <source>Receipt {no}</source>
        <translation>Recibo {no}</translation>
    </message>
</context>
<context>
    <name>DrawerClose</name>
    <message>
        <source>Drawer closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <source>Your drawer session is closed. Count a new float to keep selling, or log out.</source>
        <translation>Su sesión de caja está cerrada. Cuente un fondo nuevo para seguir vendiendo, o cierre sesión.</translation>
    </message>
    <message>
        <source>Open a new drawer (Enter)</source>
        <translation>Abrir una caja nueva (Enter)</translation>
    </message>
    <message>
        <source>Log out (Esc)</source>
        <translation>Cerrar sesión (Esc)</translation>
    </message>
</context>
<context>
    <name>DrawerOpenDialog</name>
    <message>
        <source>Open the drawer</source>
        <translation>Abrir la caja</translation>
    </message>
    <message>
        <source>Count the opening float</source>
        <translation>Contar el fondo inicial</translation>
    </message>
    <message>
        <source>{name}, enter how many of each you have in the drawer. Enter: the next line; Ctrl+Enter: open the drawer.</source>
        <translation>{name}, escriba cuántas piezas de cada una tiene en la caja. Enter: la línea siguiente; Ctrl+Enter: abrir la caja.</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Day view and reports (F11)</source>
        <translation>Resumen del día e informes (F11)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Open the drawer (Ctrl+Enter)</source>
        <translation>Abrir la caja (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Throw away this count?</source>
        <translation>¿Descartar este conteo?</translation>
    </message>
    <message>
        <source>The float is $0.00: nothing was counted. Open the drawer with no cash in it?</source>
        <translation>El fondo es $0.00: no se contó nada. ¿Abrir la caja sin efectivo?</translation>
    </message>
    <message>
        <source>Open with $0.00</source>
        <translation>Abrir con $0.00</translation>
    </message>
    <message>
        <source>No float</source>
        <translation>Sin fondo</translation>
    </message>
    <message>
        <source>Go back and count (Enter)</source>
        <translation>Volver y contar (Enter)</translation>
    </message>
</context>
<context>
    <name>EarlierCardDialog</name>
    <message>
        <source>Card approved earlier</source>
        <translation>Tarjeta aprobada antes</translation>
    </message>
    <message>
        <source>A card payment of {card} is approved and not on a saved sale (the station stopped before the sale was saved). If this is that customer&apos;s sale, attach the card to it: nobody is charged again. If the customer has gone, void it at the terminal with a supervisor. Still due on this sale: {due}.</source>
        <translation>Hay un pago con tarjeta de {card} aprobado que no está en una venta guardada (la estación se detuvo antes de guardar la venta). Si esta es la venta de ese cliente, agréguele la tarjeta: no se cobra otra vez. Si el cliente ya se fue, anúlelo en la terminal con un supervisor. Pendiente en esta venta: {due}.</translation>
    </message>
    <message>
        <source>Attach to this sale</source>
        <translation>Agregar a esta venta</translation>
    </message>
    <message>
        <source>Void at the terminal (supervisor)</source>
        <translation>Anular en la terminal (supervisor)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>FaultReporter</name>
    <message>
        <source>CounterPOS met an error it did not expect, at {when}.

Nothing was lost: the sale on the screen is still there, and every sale already completed is saved.

Carry on with the sale. If this happens again, call IT and tell them the time; the details are in {log}.</source>
        <translation>CounterPOS encontró un error inesperado, a las {when}.

No se perdió nada: la venta en pantalla sigue ahí y cada venta ya terminada está guardada.

Siga con la venta. Si vuelve a pasar, llame a informática y dígales la hora; los detalles están en {log}.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
</context>
<context>
    <name>FeeScheduleDialog</name>
    <message>
        <source>Fee schedules</source>
        <translation>Tarifas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>An amount like 25.00, or the rule as JSON</source>
        <translation>Un monto como 25.00, o la regla en JSON</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Servicio</translation>
    </message>
    <message>
        <source>&amp;New fee</source>
        <translation>&amp;Nueva tarifa</translation>
    </message>
    <message>
        <source>In &amp;effect from</source>
        <translation>&amp;Vigente desde</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Add this fee (Ctrl+Enter)</source>
        <translation>Agregar esta tarifa (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Saved: {fee} from {day}.</source>
        <translation>Guardado: {fee} desde el {day}.</translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>show every key</source>
        <translation>mostrar todas las teclas</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Buscar cliente</translation>
    </message>
    <message>
        <source>find a customer: type any part of a name, account, address, phone or tag; ↓ ↑ and Enter pick</source>
        <translation>buscar un cliente: escriba parte de un nombre, cuenta, dirección, teléfono o placa; ↓ ↑ y Enter eligen</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>go to the services; then the service&apos;s number (1–8) opens it</source>
        <translation>ir a los servicios; luego el número del servicio (1–8) lo abre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>remove the selected line (asks: F4 again removes it)</source>
        <translation>quitar la línea elegida (pregunta: F4 otra vez la quita)</translation>
    </message>
    <message>
        <source>remove the last part of a split payment</source>
        <translation>quitar el último pago parcial de un pago dividido</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <source>take payment</source>
        <translation>cobrar</translation>
    </message>
    <message>
        <source>take payment (as Enter)</source>
        <translation>cobrar (como Enter)</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dividir</translation>
    </message>
    <message>
        <source>take this amount as one part of a split payment</source>
        <translation>tomar este monto como un pago parcial de un pago dividido</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>take payment in cash</source>
        <translation>cobrar en efectivo</translation>
    </message>
    <message>
        <source>pay the amount in cash</source>
        <translation>pagar el monto en efectivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>take payment by check</source>
        <translation>cobrar con cheque</translation>
    </message>
    <message>
        <source>pay the amount by check</source>
        <translation>pagar el monto con cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>take payment by money order</source>
        <translation>cobrar con giro postal</translation>
    </message>
    <message>
        <source>pay the amount by money order</source>
        <translation>pagar el monto con giro postal</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>take payment by card</source>
        <translation>cobrar con tarjeta</translation>
    </message>
    <message>
        <source>pay the amount by card</source>
        <translation>pagar el monto con tarjeta</translation>
    </message>
    <message>
        <source>Drawer&apos;s sales</source>
        <translation>Ventas de la caja</translation>
    </message>
    <message>
        <source>this drawer&apos;s sales and totals by tender: Enter prints one again, V voids it, R refunds it</source>
        <translation>ventas y totales de esta caja por forma de pago: Enter la imprime de nuevo, V la anula, R la reembolsa</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>log out (once the sale is finished or cleared)</source>
        <translation>cerrar sesión (cuando la venta esté terminada o borrada)</translation>
    </message>
    <message>
        <source>Quick cash</source>
        <translation>Efectivo rápido</translation>
    </message>
    <message>
        <source>cash: the exact amount, the next $5, $10, $20, $50 and $100 above it</source>
        <translation>efectivo: el monto exacto, los siguientes $5, $10, $20, $50 y $100 por encima</translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation>Borrar venta</translation>
    </message>
    <message>
        <source>clear the sale and the customer (asks: Ctrl+Delete again clears it)</source>
        <translation>borrar la venta y el cliente (pregunta: Ctrl+Delete otra vez la borra)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>lock the screen now</source>
        <translation>bloquear la pantalla ahora</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>open the chosen customer or service</source>
        <translation>abrir el cliente o servicio elegido</translation>
    </message>
    <message>
        <source>take payment; after the sale: next customer</source>
        <translation>cobrar; después de la venta: siguiente cliente</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>back to the customer search (clears what was typed there)</source>
        <translation>volver a la búsqueda de clientes (borra lo escrito ahí)</translation>
    </message>
    <message>
        <source>back to the sale (the cart stays)</source>
        <translation>volver a la venta (la venta se conserva)</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>Menús</translation>
    </message>
    <message>
        <source>the menus: Sale, Account (start, stop, transfer, adjust, ledger), Controls (void Ctrl+Shift+V, refund Ctrl+Shift+R, paid-in/out Ctrl+Shift+P, no-sale Ctrl+Shift+N, close drawer Ctrl+Shift+C, day view Ctrl+Shift+D, audit trail, fee schedules); each asks a supervisor on the spot when the cashier may not</source>
        <translation>los menús: Venta, Cuenta (alta, baja, traslado, ajuste, movimientos), Controles (anular Ctrl+Shift+V, reembolsar Ctrl+Shift+R, entradas/salidas Ctrl+Shift+P, abrir sin venta Ctrl+Shift+N, cerrar caja Ctrl+Shift+C, resumen del día Ctrl+Shift+D, registro de auditoría, tarifas); cada uno pide un supervisor en el momento si el cajero no puede</translation>
    </message>
    <message>
        <source>moves on or confirms (in a count: the next line); it never throws work away</source>
        <translation>avanza o confirma (en un conteo: la línea siguiente); nunca descarta trabajo</translation>
    </message>
    <message>
        <source>backs out; if something was typed, it asks before throwing it away</source>
        <translation>retrocede; si se escribió algo, pregunta antes de descartarlo</translation>
    </message>
    <message>
        <source>the next / previous field; the field with the focus has a ring</source>
        <translation>el campo siguiente / anterior; el campo activo tiene un borde resaltado</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>Cobrar</translation>
    </message>
    <message>
        <source>Remove part</source>
        <translation>Quitar pago parcial</translation>
    </message>
    <message>
        <source>Back to the sale</source>
        <translation>Volver a la venta</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Cerrar (Enter)</translation>
    </message>
</context>
<context>
    <name>LeakAdjustmentDialog</name>
    <message>
        <source>Leak adjustment: account {no}</source>
        <translation>Ajuste por fuga: cuenta {no}</translation>
    </message>
    <message>
        <source>Work order {no} (leak repaired)</source>
        <translation>Orden de trabajo {no} (fuga reparada)</translation>
    </message>
    <message>
        <source>The customer&apos;s receipt: repaired on…</source>
        <translation>El recibo del cliente: reparado el…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>The calculation, step by step</source>
        <translation>El cálculo, paso a paso</translation>
    </message>
    <message>
        <source>&amp;Calculate</source>
        <translation>&amp;Calcular</translation>
    </message>
    <message>
        <source>Approve and save</source>
        <translation>Aprobar y guardar</translation>
    </message>
    <message>
        <source>Save the calculation as PDF</source>
        <translation>Guardar el cálculo como PDF</translation>
    </message>
    <message>
        <source>Bills the leak ran up</source>
        <translation>Facturas que subió la fuga</translation>
    </message>
    <message>
        <source>Proof of repair</source>
        <translation>Comprobante de reparación</translation>
    </message>
    <message>
        <source>Repaired on</source>
        <translation>Reparado el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Credit {amount}: a second supervisor approves it.</source>
        <translation>Crédito de {amount}: lo aprueba un segundo supervisor.</translation>
    </message>
    <message>
        <source>A second supervisor approves a leak adjustment (not you).</source>
        <translation>Otro supervisor aprueba el ajuste por fuga (no usted).</translation>
    </message>
    <message>
        <source>Saved as calculation {no}; new balance {balance}.</source>
        <translation>Guardado como cálculo {no}; saldo nuevo {balance}.</translation>
    </message>
    <message>
        <source>Calculation saved as {path}.</source>
        <translation>Cálculo guardado como {path}.</translation>
    </message>
</context>
<context>
    <name>LineApprovalDialog</name>
    <message>
        <source>Approve (Enter)</source>
        <translation>Aprobar (Enter)</translation>
    </message>
    <message>
        <source>Why, in a few words</source>
        <translation>Por qué, en pocas palabras</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>Mo&amp;tivo</translation>
    </message>
    <message>
        <source>{description} of {amount} is above {ceiling}: a supervisor confirms an amount that large, with the reason.</source>
        <translation>{description} por {amount} supera {ceiling}: un supervisor confirma un importe tan alto, con el motivo.</translation>
    </message>
    <message>
        <source>Confirm a large amount</source>
        <translation>Confirmar un importe alto</translation>
    </message>
    <message>
        <source>{number} was paid late without its penalty: {description} of {amount} is still owed. A supervisor approves charging it now, with the reason.</source>
        <translation>{number} se pagó tarde sin su recargo: aún se debe {description} por {amount}. Un supervisor aprueba cobrarlo ahora, con el motivo.</translation>
    </message>
    <message>
        <source>Late penalty owed</source>
        <translation>Recargo por atraso pendiente</translation>
    </message>
    <message>
        <source>Approved: {description} of {amount} goes on the sale.</source>
        <translation>Aprobado: {description} por {amount} se añade a la venta.</translation>
    </message>
</context>
<context>
    <name>LineApprovals</name>
    <message>
        <source>{description} of {amount} was not added: above {ceiling} a supervisor confirms it with a reason. Ring it again to ask.</source>
        <translation>{description} por {amount} no se añadió: por encima de {ceiling} un supervisor lo confirma con un motivo. Vuelva a marcarlo para pedirlo.</translation>
    </message>
    <message>
        <source>The late penalty on {number} was not added: a supervisor approves it with a reason.</source>
        <translation>El recargo por atraso de {number} no se añadió: un supervisor lo aprueba con un motivo.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Till locked</source>
        <translation>Caja bloqueada</translation>
    </message>
    <message>
        <source>{name}, enter your PIN to continue.</source>
        <translation>{name}, escriba su PIN para continuar.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Desbloquear (Enter)</translation>
    </message>
    <message>
        <source>Type your PIN, then press Enter.</source>
        <translation>Escriba su PIN y pulse Enter.</translation>
    </message>
    <message>
        <source>That PIN did not unlock the till: {why} Try again.</source>
        <translation>Ese PIN no desbloqueó la caja: {why} Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>CounterPOS – sign in</source>
        <translation>CounterPOS – iniciar sesión</translation>
    </message>
    <message>
        <source>CounterPOS</source>
        <translation>CounterPOS</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Abriendo el almacén de datos…</translation>
    </message>
    <message>
        <source>e.g. maria</source>
        <translation>p. ej., maria</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Iniciar sesión (Enter)</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>{city} · station {code}</source>
        <translation>{city} · estación {code}</translation>
    </message>
    <message>
        <source>TRAINING – the demo city, for practice</source>
        <translation>CAPACITACIÓN – la ciudad de demostración, para practicar</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versión {version}</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Escriba su usuario.</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Escriba su PIN.</translation>
    </message>
    <message>
        <source>One moment: the store is still opening…</source>
        <translation>Un momento: el almacén de datos se está abriendo…</translation>
    </message>
</context>
<context>
    <name>NoSaleDialog</name>
    <message>
        <source>Open the drawer (no sale)</source>
        <translation>Abrir el cajón (sin venta)</translation>
    </message>
    <message>
        <source>Open drawer (Enter)</source>
        <translation>Abrir caja (Enter)</translation>
    </message>
    <message>
        <source>e.g. change for a customer</source>
        <translation>p. ej., cambio para un cliente</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <source>Notices and letters</source>
        <translation>Avisos y cartas</translation>
    </message>
    <message>
        <source>Run late fees and &amp;notices</source>
        <translation>Cobrar recargos y enviar &amp;avisos</translation>
    </message>
    <message>
        <source>&amp;Renewal notices, next</source>
        <translation>Avisos de &amp;renovación, próximos</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Renewal notices: days ahead</source>
        <translation>Avisos de renovación: días de anticipación</translation>
    </message>
    <message>
        <source>&amp;Print the letters</source>
        <translation>&amp;Imprimir las cartas</translation>
    </message>
    <message>
        <source>Late fees are charged once per bill; a notice is never sent twice.</source>
        <translation>El recargo se cobra una sola vez por factura; un aviso nunca se envía dos veces.</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Charging late fees and choosing notices…</source>
        <translation>Cobrando recargos y eligiendo avisos…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{fees} late fees charged; notices recorded: {kinds}.</source>
        <translation>{fees} recargos cobrados; avisos registrados: {kinds}.</translation>
    </message>
    <message>
        <source>Renewal notices recorded: {sent} ({old} had one already).</source>
        <translation>Avisos de renovación registrados: {sent} ({old} ya tenían uno).</translation>
    </message>
    <message>
        <source>Printing the letters…</source>
        <translation>Imprimiendo las cartas…</translation>
    </message>
    <message>
        <source>{n} letters saved as {path}.</source>
        <translation>{n} cartas guardadas como {path}.</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <source>Finance office - {name}</source>
        <translation>Oficina de finanzas - {name}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>The office&apos;s pages</source>
        <translation>Las páginas de la oficina</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banco</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Suspense</source>
        <translation>En suspenso</translation>
    </message>
    <message>
        <source>Returned checks</source>
        <translation>Cheques devueltos</translation>
    </message>
    <message>
        <source>Autopay</source>
        <translation>Pago automático</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Excepciones</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Sobrante/faltante</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>Aceptado por</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Formas de pago</translation>
    </message>
    <message>
        <source>Sessions of the day</source>
        <translation>Las sesiones del día</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Bag number</source>
        <translation>Número de bolsa</translation>
    </message>
    <message>
        <source>Prepare the day&apos;s deposit</source>
        <translation>Preparar el depósito del día</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Only a finance supervisor verifies a deposit (not its preparer).</source>
        <translation>Solo un supervisor de finanzas verifica un depósito (no quien lo preparó).</translation>
    </message>
    <message>
        <source>Banked today</source>
        <translation>Depositado hoy</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bolsa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Sessions&apos; cash</source>
        <translation>Efectivo de las sesiones</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Preparado por</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verificado por</translation>
    </message>
    <message>
        <source>Banked</source>
        <translation>Depositado</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>Depósitos</translation>
    </message>
    <message>
        <source>Draft the day&apos;s journal</source>
        <translation>Preparar el diario del día</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Contabilizar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Your role may not do this; a finance supervisor posts journals.</source>
        <translation>Su rol no puede hacerlo; un supervisor de finanzas asienta los diarios.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Débito</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Crédito</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Exceptions ({n})</source>
        <translation>Excepciones ({n})</translation>
    </message>
    <message>
        <source>MISSING: {why}</source>
        <translation>FALTA: {why}</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>Al día.</translation>
    </message>
    <message>
        <source>Choose a deposit in the list first.</source>
        <translation>Primero elija un depósito de la lista.</translation>
    </message>
    <message>
        <source>Deposit {n} prepared: {total}.</source>
        <translation>Depósito {n} preparado: {total}.</translation>
    </message>
    <message>
        <source>Deposit {n} verified.</source>
        <translation>Depósito {n} verificado.</translation>
    </message>
    <message>
        <source>Deposit {n} banked.</source>
        <translation>Depósito {n} llevado al banco.</translation>
    </message>
    <message>
        <source>Journal {n} ({state}): debits {d}, credits {c}</source>
        <translation>Diario {n} ({state}): débitos {d}, créditos {c}</translation>
    </message>
    <message>
        <source>Journal {n} drafted.</source>
        <translation>Diario {n} preparado.</translation>
    </message>
    <message>
        <source>Draft the day&apos;s journal first.</source>
        <translation>Primero prepare el diario del día.</translation>
    </message>
    <message>
        <source>Journal {n} posted.</source>
        <translation>Diario {n} contabilizado.</translation>
    </message>
    <message>
        <source>Draft and post the day&apos;s journal first.</source>
        <translation>Primero prepare y contabilice el diario del día.</translation>
    </message>
    <message>
        <source>Journal {n} saved to {path}{copy}.</source>
        <translation>Diario {n} guardado en {path}{copy}.</translation>
    </message>
    <message>
        <source> (copy {n})</source>
        <translation> (copia {n})</translation>
    </message>
    <message>
        <source>Export the journal</source>
        <translation>Exportar el diario</translation>
    </message>
    <message>
        <source>A report is being written; log out when it has finished.</source>
        <translation>Se está escribiendo un informe; cierre la sesión cuando termine.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>Go back without the supervisor&apos;s approval?</source>
        <translation>¿Volver sin la aprobación del supervisor?</translation>
    </message>
    <message>
        <source>A supervisor must approve this.</source>
        <translation>Un supervisor debe aprobarlo.</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Aprobar (Enter)</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s username.</source>
        <translation>Escriba el usuario del supervisor.</translation>
    </message>
</context>
<context>
    <name>PaidInOutDialog</name>
    <message>
        <source>Paid-in / paid-out</source>
        <translation>Entradas / salidas</translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation>Registrar (Enter)</translation>
    </message>
    <message>
        <source>Paid-out (cash leaves the drawer)</source>
        <translation>Salida (el efectivo sale de la caja)</translation>
    </message>
    <message>
        <source>Paid-in (cash goes into the drawer)</source>
        <translation>Entrada (el efectivo entra en la caja)</translation>
    </message>
    <message>
        <source>e.g. postage, change fund top-up</source>
        <translation>p. ej., franqueo, reposición del fondo de cambio</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Recorded {kind} {no}: {amount}. Its slip is printing.</source>
        <translation>Registrado {kind} {no}: {amount}. Se está imprimiendo su comprobante.</translation>
    </message>
    <message>
        <source>paid-in</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>paid-out</source>
        <translation>salida</translation>
    </message>
</context>
<context>
    <name>PassportDialog</name>
    <message>
        <source>Passport acceptance</source>
        <translation>Aceptación de pasaportes</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>Solicitantes</translation>
    </message>
    <message>
        <source>Add applicant (Ctrl+N)</source>
        <translation>Agregar solicitante (Ctrl+N)</translation>
    </message>
    <message>
        <source>Remove applicant</source>
        <translation>Quitar solicitante</translation>
    </message>
    <message>
        <source>&amp;Photo sets taken here</source>
        <translation>Juegos de &amp;fotos tomados aquí</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation>Agregar a la venta (Enter)</translation>
    </message>
    <message>
        <source>Applicant {n}</source>
        <translation>Solicitante {n}</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Take payment</source>
        <translation>Cobrar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Card convenience fee</source>
        <translation>Cargo por pago con tarjeta</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>&amp;Tender</source>
        <translation>&amp;Forma de pago</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Quick cash</source>
        <translation>Efectivo rápido</translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation>Cobrar (Enter)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Volver a la venta (Esc)</translation>
    </message>
    <message>
        <source>Check number</source>
        <translation>Número de cheque</translation>
    </message>
    <message>
        <source>Money order number</source>
        <translation>Número del giro postal</translation>
    </message>
    <message>
        <source>{amount}  Alt+{n}</source>
        <translation>{amount}  Alt+{n}</translation>
    </message>
    <message>
        <source>{brand} ending {last4}, approval {code}, fee {fee}</source>
        <translation>{brand} terminada en {last4}, aprobación {code}, cargo {fee}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payment files (lockbox bank, online or phone payments)</source>
        <translation>Archivos de pagos (banco lockbox, pagos en línea o por teléfono)</translation>
    </message>
    <message>
        <source>Lockbox file</source>
        <translation>Archivo lockbox</translation>
    </message>
    <message>
        <source>Online or phone payments file</source>
        <translation>Archivo de pagos en línea o por teléfono</translation>
    </message>
    <message>
        <source>Kind of payment file</source>
        <translation>Tipo de archivo de pagos</translation>
    </message>
    <message>
        <source>&amp;Import a payment file…</source>
        <translation>&amp;Importar un archivo de pagos…</translation>
    </message>
    <message>
        <source>Mail batch</source>
        <translation>Lote de correo</translation>
    </message>
    <message>
        <source>account number, or scan the bill stub</source>
        <translation>número de cuenta, o escanee el talón de la factura</translation>
    </message>
    <message>
        <source>empty: the stub&apos;s amount due</source>
        <translation>vacío: el importe adeudado del talón</translation>
    </message>
    <message>
        <source>Adding-machine &amp;total</source>
        <translation>&amp;Total de la sumadora</translation>
    </message>
    <message>
        <source>A&amp;ccount or stub</source>
        <translation>&amp;Cuenta o talón</translation>
    </message>
    <message>
        <source>Amou&amp;nt</source>
        <translation>Mo&amp;nto</translation>
    </message>
    <message>
        <source>C&amp;heck number</source>
        <translation>Número de c&amp;heque</translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation>Paga&amp;dor</translation>
    </message>
    <message>
        <source>&amp;Add to the tape</source>
        <translation>&amp;Agregar a la cinta</translation>
    </message>
    <message>
        <source>&amp;Remove the last</source>
        <translation>Quita&amp;r el último</translation>
    </message>
    <message>
        <source>&amp;Post the batch</source>
        <translation>Regi&amp;strar el lote</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Tape</source>
        <translation>Cinta</translation>
    </message>
    <message>
        <source>The mail batch&apos;s tape</source>
        <translation>La cinta del lote de correo</translation>
    </message>
    <message>
        <source>Your role may not import payment files.</source>
        <translation>Su rol no puede importar archivos de pagos.</translation>
    </message>
    <message>
        <source>Your role may not enter mail batches.</source>
        <translation>Su rol no puede ingresar lotes de correo.</translation>
    </message>
    <message>
        <source>{name}: {posted} payment(s) posted, {held} held in suspense, total {total}.</source>
        <translation>{name}: {posted} pago(s) registrado(s), {held} en suspenso, total {total}.</translation>
    </message>
    <message>
        <source>Refused, seen before: {numbers}.</source>
        <translation>Rechazados, ya vistos: {numbers}.</translation>
    </message>
    <message>
        <source>Import a payment file</source>
        <translation>Importar un archivo de pagos</translation>
    </message>
    <message>
        <source>Payment files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos de pagos (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Tape {tape} ({n} item(s)); enter the adding-machine total.</source>
        <translation>Cinta {tape} ({n} partida(s)); ingrese el total de la sumadora.</translation>
    </message>
    <message>
        <source>Tape {tape} ({n} item(s)) of {control}: difference {diff}.</source>
        <translation>Cinta {tape} ({n} partida(s)) de {control}: diferencia {diff}.</translation>
    </message>
    <message>
        <source>Not added to the tape: {why}</source>
        <translation>No se agregó a la cinta: {why}</translation>
    </message>
    <message>
        <source>Added; the tape is {tape}.</source>
        <translation>Agregado; la cinta suma {tape}.</translation>
    </message>
    <message>
        <source>Enter the adding-machine total (like 1234.56) first.</source>
        <translation>Ingrese primero el total de la sumadora (como 1234.56).</translation>
    </message>
</context>
<context>
    <name>PrintWorker</name>
    <message>
        <source>The printer job failed: {0}</source>
        <translation>Falló la impresión: {0}</translation>
    </message>
</context>
<context>
    <name>ProgressJob</name>
    <message>
        <source>The job failed: {0}</source>
        <translation>El trabajo falló: {0}</translation>
    </message>
</context>
<context>
    <name>ReadEntryDialog</name>
    <message>
        <source>Meter reads by route</source>
        <translation>Lecturas de medidores por ruta</translation>
    </message>
    <message>
        <source>{route} ({n} meters)</source>
        <translation>{route} ({n} medidores)</translation>
    </message>
    <message>
        <source>the read on the dials, then Enter</source>
        <translation>la lectura de los diales, luego Enter</translation>
    </message>
    <message>
        <source>Estimated, not read (F9)</source>
        <translation>Estimada, sin leer (F9)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>The route&apos;s meters</source>
        <translation>Los medidores de la ruta</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Última lectura</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Enter save · R/W rollover or wrong · F9 estimated · PgUp/PgDn move</source>
        <translation>Enter guarda · R/W vuelta del medidor o lectura errónea · F9 estimada · RePág/AvPág mover</translation>
    </message>
    <message>
        <source>No meters on this route.</source>
        <translation>No hay medidores en esta ruta.</translation>
    </message>
    <message>
        <source>{pos} of {n}: {serial} · account {account} · {address} · {location}</source>
        <translation>{pos} de {n}: {serial} · cuenta {account} · {address} · {location}</translation>
    </message>
    <message>
        <source>, expected {low}–{high}</source>
        <translation>, se espera {low}–{high}</translation>
    </message>
    <message>
        <source>A read is the whole number on the dials.</source>
        <translation>Una lectura es el número entero que marcan los diales.</translation>
    </message>
    <message>
        <source>{value} is below the last read {previous}. R: the meter rolled over ({units} used). W: a wrong read, type it again.</source>
        <translation>{value} es menor que la última lectura {previous}. R: el medidor dio la vuelta ({units} de consumo). W: lectura errónea, escríbala otra vez.</translation>
    </message>
    <message>
        <source>Type the read again.</source>
        <translation>Escriba la lectura otra vez.</translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund a sale</source>
        <translation>Reembolsar una venta</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>Reembolsar (Enter)</translation>
    </message>
    <message>
        <source>Scan or type the receipt number</source>
        <translation>Escanee o escriba el número de recibo</translation>
    </message>
    <message>
        <source>Line refunded</source>
        <translation>Línea reembolsada</translation>
    </message>
    <message>
        <source>Cash from this drawer</source>
        <translation>Efectivo de esta caja</translation>
    </message>
    <message>
        <source>Request to finance (paid by check)</source>
        <translation>Solicitud a finanzas (se paga con cheque)</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>Número de &amp;recibo</translation>
    </message>
    <message>
        <source>&amp;Line refunded</source>
        <translation>&amp;Línea reembolsada</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Monto</translation>
    </message>
    <message>
        <source>Refund &amp;as</source>
        <translation>Reembolsar &amp;como</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>Mo&amp;tivo</translation>
    </message>
    <message>
        <source>At most {left} can be refunded.</source>
        <translation>Se puede reembolsar como máximo {left}.</translation>
    </message>
    <message>
        <source>Choose the line refunded</source>
        <translation>Elija la línea reembolsada</translation>
    </message>
    <message>
        <source>Every line, in order</source>
        <translation>Todas las líneas, en orden</translation>
    </message>
    <message>
        <source>{n}. {what}: {left} left</source>
        <translation>{n}. {what}: quedan {left}</translation>
    </message>
    <message>
        <source>Choose the line refunded: this sale has {n}.</source>
        <translation>Elija la línea reembolsada: esta venta tiene {n}.</translation>
    </message>
    <message>
        <source>Hand back {amount} in cash.</source>
        <translation>Devuelva {amount} en efectivo.</translation>
    </message>
    <message>
        <source>Finance will mail a check for {amount}.</source>
        <translation>Finanzas enviará por correo un cheque de {amount}.</translation>
    </message>
    <message>
        <source>Refund {no} of receipt {orig}. </source>
        <translation>Reembolso {no} del recibo {orig}. </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>The cash-receipts journal; revenue by fund, GL account and service; the registers of deposits, adjustments, voids, refunds and over/short by cashier; receipt-number continuity per station.</source>
        <translation>El diario de ingresos de caja; ingresos por fondo, cuenta contable y servicio; los registros de depósitos, ajustes, anulaciones, reembolsos y sobrantes/faltantes por cajero; la continuidad de los números de recibo por estación.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Fiscal year ending in the year</source>
        <translation>Año fiscal que termina en el año</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Período</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Año</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mes</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation>Avance del informe</translation>
    </message>
    <message>
        <source>Your role may not run the office&apos;s period reports.</source>
        <translation>Su rol no puede generar los informes del período de la oficina.</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>&amp;Trimestre</translation>
    </message>
    <message>
        <source>A report is being written; wait for it to finish.</source>
        <translation>Se está escribiendo un informe; espere a que termine.</translation>
    </message>
    <message>
        <source>Writing {period}…</source>
        <translation>Escribiendo {period}…</translation>
    </message>
    <message>
        <source>Save the period report</source>
        <translation>Guardar el informe del período</translation>
    </message>
    <message>
        <source>{period} saved to {path}.</source>
        <translation>{period} guardado en {path}.</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint a receipt</source>
        <translation>Reimprimir un recibo</translation>
    </message>
    <message>
        <source>Scan or type a receipt number</source>
        <translation>Escanee o escriba un número de recibo</translation>
    </message>
    <message>
        <source>Name or customer number</source>
        <translation>Nombre o número de cliente</translation>
    </message>
    <message>
        <source>Total, like 45.00</source>
        <translation>Total, como 45.00</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Find (Enter)</source>
        <translation>Buscar (Enter)</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Número de recibo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Receipts found</source>
        <translation>Recibos encontrados</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Save as PDF… (Ctrl+S)</source>
        <translation>Guardar como PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation>Imprimir de nuevo (Enter)</translation>
    </message>
    <message>
        <source>{0} receipt(s) found.</source>
        <translation>{0} recibo(s) encontrados.</translation>
    </message>
    <message>
        <source>No receipt matches.</source>
        <translation>Ningún recibo coincide.</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Guardar el recibo como PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Check no.</source>
        <translation>N.º de cheque</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Check and electronic payments of the day</source>
        <translation>Pagos con cheque y electrónicos del día</translation>
    </message>
    <message>
        <source>The bank&apos;s &amp;reason</source>
        <translation>El &amp;motivo del banco</translation>
    </message>
    <message>
        <source>NSF (insufficient funds)</source>
        <translation>NSF (fondos insuficientes)</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>Cuenta cerrada</translation>
    </message>
    <message>
        <source>Stop payment</source>
        <translation>Orden de no pago</translation>
    </message>
    <message>
        <source>Unable to locate account</source>
        <translation>No se encuentra la cuenta</translation>
    </message>
    <message>
        <source>Refer to maker</source>
        <translation>Consulte al emisor</translation>
    </message>
    <message>
        <source>The bank&apos;s reason</source>
        <translation>El motivo del banco</translation>
    </message>
    <message>
        <source>Return the &amp;payment…</source>
        <translation>Devolver el &amp;pago…</translation>
    </message>
    <message>
        <source>Only a finance supervisor handles a returned check or ACH payment.</source>
        <translation>Solo un supervisor de finanzas tramita un cheque o pago ACH devuelto.</translation>
    </message>
    <message>
        <source>Check and electronic payments of {day} not returned (the date above):</source>
        <translation>Pagos con cheque y electrónicos del {day} no devueltos (la fecha de arriba):</translation>
    </message>
    <message>
        <source>Choose the returned payment in the list first.</source>
        <translation>Elija primero en la lista el pago devuelto.</translation>
    </message>
    <message>
        <source>Reverse the payment of {amount} on receipt {receipt} ({kind} {number}) as returned: {reason}? The customer is charged the returned-check fee.</source>
        <translation>¿Revertir el pago de {amount} del recibo {receipt} ({kind} {number}) como devuelto: {reason}? Se cobra al cliente el cargo por cheque devuelto.</translation>
    </message>
    <message>
        <source>Returned payment</source>
        <translation>Pago devuelto</translation>
    </message>
    <message>
        <source>The account now pays cash only until {day}.</source>
        <translation>La cuenta ahora paga solo en efectivo hasta el {day}.</translation>
    </message>
    <message>
        <source>The account is not cash-only.</source>
        <translation>La cuenta no está limitada a efectivo.</translation>
    </message>
    <message>
        <source>Back to unpaid: {what}.</source>
        <translation>Vuelve a impago: {what}.</translation>
    </message>
    <message>
        <source>Receipt {receipt}: {amount} reversed by receipt {reversal}. Returned-check fee {fee} (return no. {n} of this customer). {cash_only}</source>
        <translation>Recibo {receipt}: {amount} revertido con el recibo {reversal}. Cargo por cheque devuelto {fee} (devolución n.º {n} de este cliente). {cash_only}</translation>
    </message>
    <message>
        <source>Payment of receipt {receipt} returned.</source>
        <translation>Pago del recibo {receipt} devuelto.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>senior cashier</source>
        <translation>cajero principal</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
</context>
<context>
    <name>ServiceLineDialog</name>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation>Agregar a la venta (Enter)</translation>
    </message>
    <message>
        <source>Charge the late &amp;penalty owed…</source>
        <translation>Cobrar el &amp;recargo por atraso pendiente…</translation>
    </message>
    <message>
        <source>Enter {what}… (none yet)</source>
        <translation>Escribir {what}… (ninguno aún)</translation>
    </message>
    <message>
        <source>{what}: {n} entered (change…)</source>
        <translation>{what}: {n} registrados (cambiar…)</translation>
    </message>
    <message>
        <source> each</source>
        <translation> c/u</translation>
    </message>
    <message>
        <source>Fee: {fee}{each}</source>
        <translation>Tarifa: {fee}{each}</translation>
    </message>
    <message>
        <source>The fee follows from the details above.</source>
        <translation>La tarifa resulta de los datos de arriba.</translation>
    </message>
    <message>
        <source>balance due {amount}</source>
        <translation>saldo pendiente {amount}</translation>
    </message>
    <message>
        <source>credit {amount}</source>
        <translation>crédito {amount}</translation>
    </message>
    <message>
        <source>Charge the late &amp;penalty owed ({amount})…</source>
        <translation>Cobrar el &amp;recargo por atraso pendiente ({amount})…</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>{fee} each</source>
        <translation>{fee} c/u</translation>
    </message>
    <message>
        <source>balance due</source>
        <translation>saldo pendiente</translation>
    </message>
    <message>
        <source>amount typed</source>
        <translation>monto escrito</translation>
    </message>
    <message>
        <source>from {fee}</source>
        <translation>desde {fee}</translation>
    </message>
    <message>
        <source>from </source>
        <translation>desde </translation>
    </message>
    <message>
        <source>as on record</source>
        <translation>como en el registro</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
</context>
<context>
    <name>SessionSalesDialog</name>
    <message>
        <source>This drawer&apos;s sales</source>
        <translation>Ventas de esta caja</translation>
    </message>
    <message>
        <source>Enter: print again · V: void · R: refund · ↑ ↓: choose · Esc: back</source>
        <translation>Enter: imprimir de nuevo · V: anular · R: reembolsar · ↑ ↓: elegir · Esc: atrás</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Void (V)</source>
        <translation>Anular (V)</translation>
    </message>
    <message>
        <source>Refund (R)</source>
        <translation>Reembolsar (R)</translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation>Imprimir de nuevo (Enter)</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>ANULADO</translation>
    </message>
    <message>
        <source>refunded {amount}</source>
        <translation>reembolsado {amount}</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>reembolso</translation>
    </message>
    <message>
        <source>paid-in</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>paid-out</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>counted at close</source>
        <translation>contado al cierre</translation>
    </message>
    <message>
        <source>Your drawer by tender</source>
        <translation>Su caja por forma de pago</translation>
    </message>
    <message>
        <source>&lt;p&gt;{n} sales · {r} refunds&lt;br&gt;Paid in {pin} · paid out {pout}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{n} ventas · {r} reembolsos&lt;br&gt;Entradas {pin} · salidas {pout}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cash is counted blind when you close the drawer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El efectivo se cuenta a ciegas al cerrar la caja.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Printing {no}…</source>
        <translation>Imprimiendo {no}…</translation>
    </message>
    <message>
        <source>Choose a sale that is not voided.</source>
        <translation>Elija una venta que no esté anulada.</translation>
    </message>
</context>
<context>
    <name>StartServiceDialog</name>
    <message>
        <source>Start utility service</source>
        <translation>Alta de servicio público</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Cliente nuevo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Mailing address</source>
        <translation>Dirección &amp;postal</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Service address</source>
        <translation>Dirección del &amp;servicio</translation>
    </message>
    <message>
        <source>S&amp;tart date</source>
        <translation>Fecha de &amp;inicio</translation>
    </message>
    <message>
        <source>Customer &amp;class</source>
        <translation>&amp;Clase de cliente</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Add to sale (Enter)</source>
        <translation>Agregar a la venta (Enter)</translation>
    </message>
</context>
<context>
    <name>StopServiceDialog</name>
    <message>
        <source>Stop service — account {no}</source>
        <translation>Baja de servicio: cuenta {no}</translation>
    </message>
    <message>
        <source>{address}: balance due {due}, deposit held {deposit}.</source>
        <translation>{address}: saldo pendiente {due}, depósito retenido {deposit}.</translation>
    </message>
    <message>
        <source>Street, city, state, ZIP for the final bill</source>
        <translation>Calle, ciudad, estado y código postal para la factura final</translation>
    </message>
    <message>
        <source>&amp;Stop date</source>
        <translation>Fecha de &amp;baja</translation>
    </message>
    <message>
        <source>&amp;Forwarding address</source>
        <translation>&amp;Dirección de reenvío</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Stop service (Enter)</source>
        <translation>Dar de baja (Enter)</translation>
    </message>
    <message>
        <source>Stopped. Deposit applied {applied}; refund requested {refund}; still due {due}.</source>
        <translation>Dado de baja. Depósito aplicado {applied}; reembolso solicitado {refund}; pendiente {due}.</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <source>An unexpected error stopped the start ({kind}); the log file in the data folder has the details. `counterpos doctor` checks the store.</source>
        <translation>Un error inesperado detuvo el inicio ({kind}); el archivo de registro en la carpeta de datos tiene los detalles. `counterpos doctor` revisa el almacén de datos.</translation>
    </message>
</context>
<context>
    <name>SuspensePage</name>
    <message>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <source>Account given</source>
        <translation>Cuenta indicada</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Pagado el</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Payments in suspense</source>
        <translation>Pagos en suspenso</translation>
    </message>
    <message>
        <source>Apply to a&amp;ccount</source>
        <translation>Aplicar a la &amp;cuenta</translation>
    </message>
    <message>
        <source>Apply to account</source>
        <translation>Aplicar a la cuenta</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Apply to the account</source>
        <translation>&amp;Aplicar a la cuenta</translation>
    </message>
    <message>
        <source>Re&amp;fund to the payer</source>
        <translation>&amp;Reembolsar al pagador</translation>
    </message>
    <message>
        <source>Only a finance supervisor resolves suspense payments.</source>
        <translation>Solo un supervisor de finanzas resuelve los pagos en suspenso.</translation>
    </message>
    <message>
        <source>Choose a payment in the list first.</source>
        <translation>Elija primero un pago en la lista.</translation>
    </message>
    <message>
        <source>Payment {conf} applied; receipt {receipt}.</source>
        <translation>Pago {conf} aplicado; recibo {receipt}.</translation>
    </message>
    <message>
        <source>Payment {conf} refunded; receipt {receipt}.</source>
        <translation>Pago {conf} reembolsado; recibo {receipt}.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Sync status unknown</source>
        <translation>Estado de sincronización desconocido</translation>
    </message>
    <message>
        <source>Working alone</source>
        <translation>Trabajando sin conexión central</translation>
    </message>
    <message>
        <source>Offline since %1 · %2 waiting</source>
        <translation>Sin conexión desde %1 · %2 en espera</translation>
    </message>
    <message>
        <source>%1 waiting to sync</source>
        <translation>%1 por sincronizar</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <source>%1 record(s) set aside: a supervisor should look at them</source>
        <translation>%1 registro(s) apartados: un supervisor debe revisarlos</translation>
    </message>
</context>
<context>
    <name>Tender</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Take payment</source>
        <translation>Cobrar</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Cambio {amount}</translation>
    </message>
    <message>
        <source>Short {amount}: F6 takes it as one part</source>
        <translation>Faltan {amount}: F6 lo toma como un pago parcial</translation>
    </message>
    <message>
        <source>Card {charge} (fee {fee})</source>
        <translation>Tarjeta {charge} (cargo {fee})</translation>
    </message>
    <message>
        <source>{kind} of {amount} is less than the {due} due. To split the payment, press F6 to take it as one part.</source>
        <translation>{kind} de {amount} es menos que los {due} adeudados. Para dividir el pago, pulse F6 y tómelo como un pago parcial.</translation>
    </message>
    <message>
        <source>A check or money order cannot be more than is due.</source>
        <translation>Un cheque o giro postal no puede ser mayor que lo adeudado.</translation>
    </message>
    <message>
        <source>{due} still due: take the next part.</source>
        <translation>Quedan {due} pendientes: cobre el siguiente pago parcial.</translation>
    </message>
    <message>
        <source>An approved card stays on this sale: take the rest of the payment to finish it.</source>
        <translation>Un pago con tarjeta aprobado queda en esta venta: cobre el resto para terminarla.</translation>
    </message>
    <message>
        <source>New total: {total}.</source>
        <translation>Nuevo total: {total}.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Opened to print: {where}</source>
        <translation>Abierto para imprimir: {where}</translation>
    </message>
    <message>
        <source>Saved for the page printer: {where}</source>
        <translation>Guardado para la impresora de hojas: {where}</translation>
    </message>
    <message>
        <source>Go back to the sale? The parts taken so far ({parts}) are dropped: hand them back.</source>
        <translation>¿Volver a la venta? Se descartan los pagos tomados hasta ahora ({parts}): devuélvalos.</translation>
    </message>
</context>
<context>
    <name>TillApp</name>
    <message>
        <source>Preparing the demo city… this takes a few seconds.</source>
        <translation>Preparando la ciudad de demostración… tarda unos segundos.</translation>
    </message>
    <message>
        <source>CounterPOS</source>
        <translation>CounterPOS</translation>
    </message>
    <message>
        <source>Preparing the demo city…</source>
        <translation>Preparando la ciudad de demostración…</translation>
    </message>
    <message>
        <source>The station&apos;s configuration file was not applied: {why}</source>
        <translation>No se aplicó el archivo de configuración de la estación: {why}</translation>
    </message>
    <message>
        <source>This station runs CounterPOS {running}; the city has approved {approved}. Sales work as usual; ask IT to install the new version.</source>
        <translation>Esta estación usa CounterPOS {running}; la ciudad aprobó la {approved}. Las ventas funcionan como siempre; pida a informática que instale la versión nueva.</translation>
    </message>
    <message>
        <source>Demo city ready: sign in as maria, PIN 1111.</source>
        <translation>Ciudad de demostración lista: inicie sesión como maria, PIN 1111.</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Abriendo el almacén de datos…</translation>
    </message>
    <message>
        <source>This station&apos;s users have arrived from the central database: sign in.</source>
        <translation>Los usuarios de esta estación llegaron de la base de datos central: inicie sesión.</translation>
    </message>
    <message>
        <source>CounterPOS cannot start</source>
        <translation>CounterPOS no puede iniciar</translation>
    </message>
    <message>
        <source>The store in {home} could not be opened:

{message}</source>
        <translation>No se pudo abrir el almacén de datos en {home}:

{message}</translation>
    </message>
</context>
<context>
    <name>TillMenus</name>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Venta</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Buscar cliente</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Remove line…</source>
        <translation>Quitar línea…</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>Pagar…</translation>
    </message>
    <message>
        <source>Pay in cash…</source>
        <translation>Pagar en efectivo…</translation>
    </message>
    <message>
        <source>Pay by check…</source>
        <translation>Pagar con cheque…</translation>
    </message>
    <message>
        <source>Pay by money order…</source>
        <translation>Pagar con giro postal…</translation>
    </message>
    <message>
        <source>Pay by card…</source>
        <translation>Pagar con tarjeta…</translation>
    </message>
    <message>
        <source>This drawer&apos;s sales…</source>
        <translation>Ventas de esta caja…</translation>
    </message>
    <message>
        <source>Find a receipt to reprint…</source>
        <translation>Buscar un recibo para reimprimir…</translation>
    </message>
    <message>
        <source>Clear the sale…</source>
        <translation>Borrar la venta…</translation>
    </message>
    <message>
        <source>Keys…</source>
        <translation>Teclas…</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Bloquear la pantalla</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>Start service…</source>
        <translation>Alta de servicio…</translation>
    </message>
    <message>
        <source>Stop service…</source>
        <translation>Baja de servicio…</translation>
    </message>
    <message>
        <source>Transfer service…</source>
        <translation>Traslado de servicio…</translation>
    </message>
    <message>
        <source>Adjust the account…</source>
        <translation>Ajustar la cuenta…</translation>
    </message>
    <message>
        <source>Account ledger…</source>
        <translation>Movimientos de la cuenta…</translation>
    </message>
    <message>
        <source>&amp;Controls</source>
        <translation>C&amp;ontroles</translation>
    </message>
    <message>
        <source>Fee schedules…</source>
        <translation>Tarifas…</translation>
    </message>
    <message>
        <source>Find the customer (F2) and choose one of their accounts first.</source>
        <translation>Primero busque al cliente (F2) y elija una de sus cuentas.</translation>
    </message>
    <message>
        <source>Service stopped.</source>
        <translation>Servicio dado de baja.</translation>
    </message>
    <message>
        <source>Service transferred.</source>
        <translation>Servicio trasladado.</translation>
    </message>
    <message>
        <source>Adjustment saved.</source>
        <translation>Ajuste guardado.</translation>
    </message>
</context>
<context>
    <name>TillPayment</name>
    <message>
        <source>The cart is empty: add a service first (F3).</source>
        <translation>La venta está vacía: primero agregue un servicio (F3).</translation>
    </message>
    <message>
        <source>Saved receipt {no}. Change {change}.</source>
        <translation>Recibo {no} guardado. Cambio {change}.</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <source>CounterPOS – {city}</source>
        <translation>CounterPOS – {city}</translation>
    </message>
    <message>
        <source> – TRAINING</source>
        <translation> – CAPACITACIÓN</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Pantalla del cliente</translation>
    </message>
    <message>
        <source>Leave training…</source>
        <translation>Salir de capacitación…</translation>
    </message>
    <message>
        <source>Training mode…</source>
        <translation>Modo de capacitación…</translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation>Buscar un cliente (F2)</translation>
    </message>
    <message>
        <source>Services (F3, then the number)</source>
        <translation>Servicios (F3 y luego el número)</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>TRAINING – practice on the demo city: no real money, nothing syncs</source>
        <translation>CAPACITACIÓN – práctica en la ciudad de demostración: sin dinero real, nada se sincroniza</translation>
    </message>
    <message>
        <source>Station {code}</source>
        <translation>Estación {code}</translation>
    </message>
    <message>
        <source>Cashier {name} ({role})</source>
        <translation>Cajero {name} ({role})</translation>
    </message>
    <message>
        <source>Drawer opened {when}, float {amount}</source>
        <translation>Caja abierta {when}, fondo {amount}</translation>
    </message>
    <message>
        <source>The sale has no lines to remove.</source>
        <translation>La venta no tiene líneas que quitar.</translation>
    </message>
    <message>
        <source>Line {n} removed.</source>
        <translation>Línea {n} eliminada.</translation>
    </message>
    <message>
        <source>Remove line {n}: {what}, {amount}?</source>
        <translation>¿Quitar la línea {n}: {what}, {amount}?</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Quitarla</translation>
    </message>
    <message>
        <source>Remove a line</source>
        <translation>Quitar una línea</translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) first.</source>
        <translation>Primero termine esta venta (F5) o bórrela (Ctrl+Delete).</translation>
    </message>
    <message>
        <source>Sale cleared.</source>
        <translation>Venta borrada.</translation>
    </message>
    <message>
        <source>Clear this sale ({lines}, {total}) and the customer?</source>
        <translation>¿Borrar esta venta ({lines}, {total}) y el cliente?</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 línea</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} líneas</translation>
    </message>
    <message>
        <source>Clear the sale</source>
        <translation>Borrar la venta</translation>
    </message>
    <message>
        <source>Keep the sale (Enter)</source>
        <translation>Conservar la venta (Enter)</translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) before closing the till.</source>
        <translation>Termine esta venta (F5) o bórrela (Ctrl+Delete) antes de cerrar la caja.</translation>
    </message>
    <message>
        <source>Finish this sale (F5) or clear it (Ctrl+Delete) before logging out.</source>
        <translation>Termine esta venta (F5) o bórrela (Ctrl+Delete) antes de cerrar sesión.</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Training mode</source>
        <translation>Modo de capacitación</translation>
    </message>
    <message>
        <source>Leave training</source>
        <translation>Salir de capacitación</translation>
    </message>
    <message>
        <source>The till will sign out and open a separate training store with the demo city: every receipt says TRAINING, nothing syncs, cards go to the simulator. The first time, preparing it takes about a minute.</source>
        <translation>La caja cerrará sesión y abrirá un almacén de capacitación aparte con la ciudad de demostración: cada recibo dice CAPACITACIÓN, nada se sincroniza y las tarjetas van al simulador. La primera vez, prepararlo tarda cerca de un minuto.</translation>
    </message>
    <message>
        <source>The till will sign out and open the station&apos;s own store again.</source>
        <translation>La caja cerrará sesión y volverá a abrir el almacén propio de la estación.</translation>
    </message>
    <message>
        <source>e.g. Monday class</source>
        <translation>p. ej., clase del lunes</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Switch to training (Enter)</source>
        <translation>Pasar a capacitación (Enter)</translation>
    </message>
    <message>
        <source>Back to the station&apos;s store (Enter)</source>
        <translation>Volver al almacén de la estación (Enter)</translation>
    </message>
    <message>
        <source>Enter the supervisor&apos;s username.</source>
        <translation>Escriba el usuario del supervisor.</translation>
    </message>
    <message>
        <source>Switching…</source>
        <translation>Cambiando…</translation>
    </message>
</context>
<context>
    <name>TransferServiceDialog</name>
    <message>
        <source>Transfer service — account {no}</source>
        <translation>Traslado de servicio: cuenta {no}</translation>
    </message>
    <message>
        <source>From {address}: balance due {due} and deposit {deposit} move along.</source>
        <translation>Desde {address}: el saldo pendiente {due} y el depósito {deposit} se trasladan.</translation>
    </message>
    <message>
        <source>&amp;New service address</source>
        <translation>&amp;Nueva dirección de servicio</translation>
    </message>
    <message>
        <source>&amp;Moving on</source>
        <translation>&amp;Fecha de mudanza</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Atrás (Esc)</translation>
    </message>
    <message>
        <source>Transfer (Enter)</source>
        <translation>Trasladar (Enter)</translation>
    </message>
</context>
<context>
    <name>UtilityDeskDialog</name>
    <message>
        <source>Utility desk: account {no}</source>
        <translation>Servicios públicos: cuenta {no}</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Instalado</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Última lectura</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Consumo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Factura</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Adeudado</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Recargo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Shut-off on/after</source>
        <translation>Corte el o después del</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Meters</source>
        <translation>&amp;Medidores</translation>
    </message>
    <message>
        <source>&amp;Reads</source>
        <translation>&amp;Lecturas</translation>
    </message>
    <message>
        <source>&amp;Bills</source>
        <translation>Fa&amp;cturas</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Avisos</translation>
    </message>
    <message>
        <source>Arran&amp;gement</source>
        <translation>Acu&amp;erdo de pago</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>Órdenes de &amp;trabajo</translation>
    </message>
    <message>
        <source>The account&apos;s records</source>
        <translation>Los registros de la cuenta</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Cuotas</translation>
    </message>
    <message>
        <source>Start an &amp;arrangement…</source>
        <translation>Iniciar un acuerdo de &amp;pago…</translation>
    </message>
    <message>
        <source>&amp;Leak adjustment…</source>
        <translation>Ajuste por &amp;fuga…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>{a} credit</source>
        <translation>{a} a favor</translation>
    </message>
    <message>
        <source>balance due {b}</source>
        <translation>saldo pendiente {b}</translation>
    </message>
    <message>
        <source>Water is disconnected for non-payment.</source>
        <translation>El agua está cortada por falta de pago.</translation>
    </message>
    <message>
        <source>May be disconnected today: {a} past due.</source>
        <translation>Se puede cortar hoy: {a} vencido.</translation>
    </message>
    <message>
        <source>{a} past due; not eligible for shut-off: {why}.</source>
        <translation>{a} vencido; no procede el corte: {why}.</translation>
    </message>
    <message>
        <source>Nothing past due.</source>
        <translation>Nada vencido.</translation>
    </message>
    <message>
        <source> (replaced)</source>
        <translation> (reemplazado)</translation>
    </message>
    <message>
        <source>reverses {n}</source>
        <translation>anula {n}</translation>
    </message>
    <message>
        <source>reversed by {n}</source>
        <translation>anulada por {n}</translation>
    </message>
    <message>
        <source>live</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source> (returned)</source>
        <translation> (devuelto)</translation>
    </message>
    <message>
        <source>No payment arrangement.</source>
        <translation>No hay acuerdo de pago.</translation>
    </message>
    <message>
        <source>, next {amount} on {day}</source>
        <translation>, próximo pago {amount} el {day}</translation>
    </message>
    <message>
        <source>{no}: {kind}, {state}; {paid} paid of {due} due so far{next}.</source>
        <translation>{no}: {kind}, {state}; pagado {paid} de {due} vencido hasta ahora{next}.</translation>
    </message>
    <message>
        <source>Arrangement recorded.</source>
        <translation>Acuerdo de pago registrado.</translation>
    </message>
    <message>
        <source>Leak adjustment saved.</source>
        <translation>Ajuste por fuga guardado.</translation>
    </message>
</context>
<context>
    <name>UtilityMenu</name>
    <message>
        <source>Find the customer (F2) and choose one of their accounts first.</source>
        <translation>Primero busque al cliente (F2) y elija una de sus cuentas.</translation>
    </message>
    <message>
        <source>Utility desk: meters, reads, bills, notices…</source>
        <translation>Servicios públicos: medidores, lecturas, facturas, avisos…</translation>
    </message>
    <message>
        <source>Meter reads by route…</source>
        <translation>Lecturas de medidores por ruta…</translation>
    </message>
    <message>
        <source>Notices and letters…</source>
        <translation>Avisos y cartas…</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a sale</source>
        <translation>Anular una venta</translation>
    </message>
    <message>
        <source>Go back without voiding? What you typed is thrown away.</source>
        <translation>¿Volver sin anular? Lo que escribió se descarta.</translation>
    </message>
    <message>
        <source>Scan or type the receipt number</source>
        <translation>Escanee o escriba el número de recibo</translation>
    </message>
    <message>
        <source>e.g. rung twice, wrong service</source>
        <translation>p. ej., cobrado dos veces, servicio equivocado</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>Número de &amp;recibo</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>Mo&amp;tivo</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Void sale (Enter)</source>
        <translation>Anular venta (Enter)</translation>
    </message>
    <message>
        <source>Voided. Hand back {cash} in cash.</source>
        <translation>Anulado. Devuelva {cash} en efectivo.</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Listo (Enter)</translation>
    </message>
</context>
</TS>
