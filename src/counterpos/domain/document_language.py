"""The words and dates of customer documents (receipts, slips, certificates, letters) per language.

A document is in "en", "es" or "both" (English / Spanish on each label). Dates on customer
documents spell the month, so no reader takes 01/02 the wrong way round: "Feb 01, 2026" in
English, "01 feb 2026" in Spanish.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("en", "es", "both")

SPANISH: dict[str, str] = {
    "RECEIPT": "RECIBO",
    "VOID": "ANULACIÓN",
    "REFUND": "REEMBOLSO",
    "REPRINT": "REIMPRESIÓN",
    "Reprinted": "Reimpreso",
    "Receipt": "Recibo",
    "Date": "Fecha",
    "Station": "Estación",
    "Cashier": "Cajero",
    "Customer": "Cliente",
    "Customer no.": "N.º de cliente",
    "Subtotal": "Subtotal",
    "TOTAL": "TOTAL",
    "tendered": "entregado",
    "Change": "Cambio",
    "Credit": "Crédito",
    "Balance due": "Saldo pendiente",
    "Issued": "Emitido",
    "Cash": "Efectivo",
    "Check": "Cheque",
    "Money order": "Giro postal",
    "Card": "Tarjeta",
    "Account": "Cuenta",
    "nothing on this receipt is paid or valid.": "nada de este recibo está pagado ni es válido.",
    # What a receipt line says under it (services/sale/receipts.py)
    "Citation": "Multa",
    "For": "Concepto",
    "Applicants": "Solicitantes",
    "Application fee": "Tarifa de solicitud",
    "Yard sale permit": "Permiso de venta de garaje",
    "Animal license": "Licencia de animal",
    "Business license": "Licencia comercial",
    "Bus pass": "Pase de autobús",
    "Animal tag": "Placa de animal",
    # Certificates and permits (services/counter/certificates.py)
    "DOG LICENSE": "LICENCIA DE PERRO",
    "CAT LICENSE": "LICENCIA DE GATO",
    "ANIMAL LICENSE": "LICENCIA DE ANIMAL",
    "YARD SALE PERMIT": "PERMISO DE VENTA DE GARAJE",
    "BUSINESS LICENSE": "LICENCIA COMERCIAL",
    "TRANSIT PASS": "PASE DE TRANSPORTE",
    "REPLACEMENT ANIMAL TAG": "PLACA DE ANIMAL DE REPUESTO",
    "License no.": "N.º de licencia",
    "Permit no.": "N.º de permiso",
    "Pass no.": "N.º de pase",
    "Card no.": "N.º de tarjeta",
    "Receipt no.": "N.º de recibo",
    "Tag no.": "N.º de placa",
    "Number": "Número",
    "Holder": "Titular",
    "Owner": "Dueño",
    "Sale address": "Dirección de la venta",
    "Business": "Negocio",
    "Tag": "Placa",
    "Species / breed": "Especie / raza",
    "Colour / sex": "Color / sexo",
    "Spayed / neutered": "Esterilizado / castrado",
    "Rabies certificate": "Certificado de rabia",
    "Veterinarian": "Veterinario",
    "Owner's address": "Dirección del dueño",
    "Sale days": "Días de venta",
    "Business address": "Dirección del negocio",
    "Category": "Categoría",
    "Kind": "Tipo",
    "Pass": "Pase",
    "Adult monthly": "Mensual de adulto",
    "Senior monthly": "Mensual de persona mayor",
    "Student monthly": "Mensual de estudiante",
    "Day pass": "Pase de un día",
    "Ride 10": "Tarjeta de 10 viajes",
    "Valid": "Válido",
    "Issued on": "Emitido el",
    "until": "hasta",
    "expires": "vence",
    "NOT VALID": "NO VÁLIDO",
    "Yes": "Sí",
    "Female": "Hembra",
    "Male": "Macho",
    "Dog": "Perro",
    "Cat": "Gato",
    "Retail": "Comercio minorista",
    "Food service": "Servicio de comidas",
    "Professional / office": "Profesional / oficina",
    "Contractor": "Contratista",
    "Personal service": "Servicio personal",
    "Other": "Otro",
    "Renewal": "Renovación",
    "New license": "Licencia nueva",
    "consecutive day": "día consecutivo",
    "consecutive days": "días consecutivos",
    "The tag must be worn by the animal at all times. Renew before the expiry date.": (
        "El animal debe llevar la placa en todo momento. Renueve la licencia antes de la fecha "
        "de vencimiento."
    ),
    "Post this permit where it can be seen from the street for the days of the sale. Signs may "
    "not be placed on utility poles or in the public right of way.": (
        "Coloque este permiso donde se vea desde la calle durante los días de la venta. No se "
        "permiten letreros en los postes de servicios públicos ni en la vía pública."
    ),
    "This license must be displayed at the place of business. It is not transferable and does "
    "not waive zoning, building or health requirements.": (
        "Esta licencia debe exhibirse en el lugar del negocio. No es transferible y no exime de "
        "los requisitos de zonificación, construcción ni salud."
    ),
    # Letters and notices (domain/utility/documents.py): the labels of their facts
    "Notice": "Aviso",
    "Service address": "Dirección del servicio",
    "Meter": "Medidor",
    "Read on": "Fecha de lectura",
    "Water used": "Agua usada",
    "Your 12-month average": "Su promedio de 12 meses",
    "Work order": "Orden de trabajo",
    "Amount past due": "Cantidad vencida",
    "Was due": "Fecha de vencimiento",
    "Shut-off on or after": "Corte a partir del",
    "Amount due": "Cantidad a pagar",
    "Amount owed": "Cantidad adeudada",
    "Unpaid since": "Sin pagar desde",
    "License": "Licencia",
    "Expires": "Vence",
    "Sincerely,": "Atentamente,",
    # An adjustment's calculation (domain/utility/calculations.py) and its letter
    "Calculation": "Cálculo",
    "Leak adjustment": "Ajuste por fuga",
    "Over-estimate correction": "Corrección de lectura estimada",
    "Penalty adjustment": "Ajuste de recargo",
    "Your account has been adjusted as calculated below. The credit appears on your next bill.": (
        "Su cuenta ha sido ajustada según el cálculo que sigue. El crédito aparecerá en su "
        "próxima factura."
    ),
    "Entered by {entered}; approved by {approved}": "Registrado por {entered}; aprobado por {approved}",
    "Policy": "Política",
    "12-month average": "Promedio de 12 meses",
    "Bill {bill}: consumption": "Factura {bill}: consumo",
    "Bill {bill}: above the average": "Factura {bill}: por encima del promedio",
    "Bill {bill}: units credited": "Factura {bill}: unidades acreditadas",
    "{units} ({share}% of the excess)": "{units} ({share}% del exceso)",
    "{units}": "{units}",
    "Bill {bill}: water charge billed": "Factura {bill}: cargo de agua facturado",
    "Bill {bill}: water charge for {units}": "Factura {bill}: cargo de agua por {units}",
    "{share}% of the use above the average credited; at most {periods} periods; once in {months} "
    "months; repair proved within {days} days": (
        "se acredita el {share}% del consumo por encima del promedio; como máximo {periods} "
        "periodos; una vez cada {months} meses; reparación comprobada en {days} días"
    ),
    "the leak period billed at the average; at most {periods} periods; once in {months} months; "
    "repair proved within {days} days": (
        "el periodo de la fuga se factura al promedio; como máximo {periods} periodos; una vez "
        "cada {months} meses; reparación comprobada en {days} días"
    ),
    "Last actual read": "Última lectura real",
    "This actual read": "Esta lectura real",
    "Actual use over the estimated periods": "Consumo real en los periodos estimados",
    "Use billed on estimates": "Consumo facturado por estimación",
    "Bill {bill}: estimated": "Factura {bill}: estimada",
    "Bill {bill}: on actual use": "Factura {bill}: según el consumo real",
    "Late fee charged": "Recargo cobrado",
    "Reason": "Motivo",
    # The water and sewer bill (documents/utility_bill_pdf.py)
    "WATER AND SEWER BILL": "FACTURA DE AGUA Y ALCANTARILLADO",
    "BILL REVERSAL": "ANULACIÓN DE FACTURA",
    "COPY": "COPIA",
    "Bill": "Factura",
    "Bill date": "Fecha de la factura",
    "Due date": "Fecha de vencimiento",
    "Service": "Servicio",
    "Period": "Periodo",
    "ESTIMATED READ": "LECTURA ESTIMADA",
    "Reads": "Lecturas",
    "Charges": "Cargos",
    "Current charges": "Cargos actuales",
    "Balance before this bill": "Saldo antes de esta factura",
    "Total amount due": "Total a pagar",
    "Detach and return this part with your payment": "Desprenda y devuelva esta parte con su pago",
    "Amount paid": "Cantidad pagada",
    "Your water use, last {n} bills ({unit})": "Su consumo de agua, últimas {n} facturas ({unit})",
    "This bill was reversed by {no}.": "Esta factura fue anulada por {no}.",
    "previous": "anterior",
    "actual": "real",
    "ESTIMATED": "ESTIMADA",
    "final (meter removed)": "final (medidor retirado)",
    "first": "primera",
    "Customer Service, Utility Billing": "Servicio al Cliente, Facturación de Servicios",
    "City Clerk, Licensing": "Secretaría Municipal, Licencias",
}

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
}


def label(text: str, language: str) -> str:
    """A document's label in `language`; "both" gives "Receipt / Recibo"."""
    spanish = SPANISH.get(text, text)
    if language == "es":
        return spanish
    if language == "both" and spanish != text:
        return f"{text} / {spanish}"
    return text


def either(english: str, spanish: str, language: str) -> str:
    """A text given in both languages (a service's name), as `language` wants it."""
    spanish = spanish or english
    if language == "es":
        return spanish
    if language == "both" and spanish != english:
        return f"{english} / {spanish}"
    return english


def paragraphs(english: str, spanish: str, language: str) -> tuple[str, ...]:
    """A sentence or more in `language`; "both" gives the English, then the Spanish."""
    spanish = spanish or english
    if language == "es":
        return (spanish,)
    if language == "both" and spanish != english:
        return (english, spanish)
    return (english,)


def date_text(day: date, language: str) -> str:
    """ "Feb 01, 2026" (English, both) or "01 feb 2026" (Spanish): never 02/01/2026."""
    if language == "es":
        return f"{day.day:02d} {_MONTHS['es'][day.month - 1]} {day.year}"
    return f"{_MONTHS['en'][day.month - 1]} {day.day:02d}, {day.year}"


def datetime_text(when: datetime, language: str) -> str:
    """The date as `date_text`, then the time: 2:05 PM in English, 14:05 in Spanish."""
    if language == "es":
        return f"{date_text(when, language)} {when:%H:%M}"
    return f"{date_text(when, language)} {when:%I:%M %p}"
