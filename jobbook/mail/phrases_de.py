"""German phrases of job-search mail, by kind (the syntax and the weights: ``phrases``).

Formal (Sie) and informal (du) address alike; gender forms (``Bewerber:innen``,
``Kandidat*innen``, ``Bewerber_innen``) are words split by punctuation, which a phrase's space
matches, so ``bewerber innen`` reads them all.
"""

from __future__ import annotations

YOU = "(ihnen|dir|euch|sie|dich)"
YOUR = "(ihre|deine|eure|ihrer|deiner|ihren|deinen)"
PEOPLE = (
    "(kandidat|kandidaten|kandidatin|kandidatinnen|kandidat innen|kandidierende|kandidierenden|"
    "bewerber|bewerberin|bewerbern|bewerberinnen|bewerber innen|bewerbende|bewerbenden|person|"
    "personen|profil|profile|profilen|mitbewerber|mitbewerberin|mitbewerbern|mitbewerber innen)"
)
TALK = (
    "(vorstellungsgespräch|bewerbungsgespräch|gespräch|interview|kennenlernen|kennenlerngespräch|"
    "telefoninterview|videointerview|videocall|video-call|telefonat|austausch|erstgespräch|"
    "zweitgespräch|fachgespräch|videogespräch|telefongespräch|termin|onsite|vor-ort-termin)"
)

PHRASES: tuple[tuple[str, str, str, int], ...] = (
    # -- confirmation ---------------------------------------------------------------------------
    ("confirmation", "de", "(vielen|herzlichen|besten|lieben|recht herzlichen) dank für (ihre|deine|eure) (bewerbung|online-bewerbung|unterlagen|bewerbungsunterlagen)", 3),
    ("confirmation", "de", "(danke|dank) für (ihr|dein|euer) interesse", 2),
    ("confirmation", "de", "(bedanken|bedanke) (uns|mich) (herzlich |sehr )?für (ihre|deine|eure) (bewerbung|unterlagen|interesse)", 3),
    ("confirmation", "de", f"{YOUR} (bewerbung|online-bewerbung|unterlagen|bewerbungsunterlagen) * (eingegangen|eingetroffen|angekommen|übermittelt|erhalten|eingereicht|versendet|versandt|gelandet|registriert)", 4),
    ("confirmation", "de", f"(haben|hat|habe) {YOUR} (bewerbung|unterlagen|bewerbungsunterlagen|online-bewerbung) (gut |erfolgreich |bereits )?(erhalten|bekommen)", 4),
    ("confirmation", "de", "(eingangsbestätigung|empfangsbestätigung|bewerbungseingang|bewerbungsbestätigung|eingang (ihrer|deiner) (bewerbung|unterlagen))", 5),
    ("confirmation", "de", "(bestätigen|bestätige) (ihnen |dir )?(hiermit |gerne |gern )?(den )?(eingang|erhalt)", 5),
    ("confirmation", "de", "(bestätigung|bestaetigung) (ihrer |deiner )?(bewerbung|online-bewerbung)", 4),
    ("confirmation", "de", "bewerbung (erhalten|eingegangen|bestätigt|übermittelt|erfolgreich)", 4),
    ("confirmation", "de", "(bewerbung|unterlagen|bewerbungsunterlagen) (an|zur|in) * (weitergeleitet|weitergegeben|übergeben)", 3),
    ("confirmation", "de", f"(prüfen|sichten|begutachten|bearbeiten|lesen|schauen uns) {YOUR}? (bewerbung|unterlagen|bewerbungsunterlagen|profil)", 3),
    ("confirmation", "de", "(unterlagen|bewerbung|bewerbungsunterlagen) (gesichtet|geprüft|durchgesehen|sorgfältig geprüft|bearbeitet) (haben|hat|wurden|wurde|sind)", 3),
    ("confirmation", "de", f"{YOUR} (bewerbung|unterlagen|bewerbungsunterlagen) * (prüfen|sichten|begutachten|durchsehen|bearbeiten|ansehen|anschauen)", 3),
    ("confirmation", "de", "(melden|meldet|melde) (uns|sich|mich) * (bei (ihnen|dir|euch)|in kürze|zeitnah|sobald|innerhalb|in den nächsten|schnellstmöglich|so schnell wie möglich)", 2),
    ("confirmation", "de", "(sobald|wenn|falls|sofern) * (passt|passen|übereinstimm|in frage kommen|interessant|engere auswahl)", 2),
    ("confirmation", "de", "(zu|zusage) oder (eine )?absage", 5),
    ("confirmation", "de", "(bewerbungsprozess|bewerbungsverfahren|auswahlprozess|auswahlverfahren) (läuft|dauert|beginnt|informieren)", 1),
    ("confirmation", "de", "(bewerberportal|kandidatenportal|karriereportal|bewerbungsstatus|status (ihrer|deiner) bewerbung)", 1),
    # -- rejection ---------------------------------------------------------------------------------
    ("rejection", "de", f"leider (müssen|mussten|können|konnten|werden|haben) (wir|uns) {YOU}", 4),
    ("rejection", "de", f"leider (müssen|mussten) wir {YOU} (heute )?mitteilen", 5),
    ("rejection", "de", "(keine|keiner) (positive|positiven|positivere|positiveren|erfreuliche|erfreulichen|erfreulichere|gute|guten|bessere|besseren) (rückmeldung|nachricht|nachrichten|antwort|mitteilung|entscheidung)", 5),
    ("rejection", "de", f"{YOU} (leider )?(keine|eine) (positive )?(rückmeldung|zusage) (geben|machen|erteilen)", 3),
    ("rejection", "de", "(nicht|leider nicht|nicht mehr) (weiter |länger |mehr )?(berücksichtigen|berücksichtigt|in betracht ziehen|in betracht gezogen|einbeziehen|in die engere (auswahl|wahl))", 5),
    ("rejection", "de", f"(andere|anderen|anderer|einen anderen|eine andere|einem anderen|einer anderen|weitere|weiteren) {PEOPLE}", 4),
    ("rejection", "de", f"(für|zu) (einen|eine|einem|einer) (anderen |andere )?{PEOPLE} (entschieden|entscheiden|entschlossen)", 5),
    ("rejection", "de", f"{PEOPLE} * (entschieden|den vorzug gegeben|vorgezogen|ausgewählt|gewählt)", 4),
    ("rejection", "de", "(entschieden|entscheiden|entschlossen) * (mit|für) (anderen|andere|einer anderen|einem anderen) (kandidat|bewerber|person|profil)", 5),
    ("rejection", "de", "(absage|absagen|ablehnung|ablehnen|abgelehnt)", 4),
    ("rejection", "de", f"(müssen|mussten|muss) {YOU} (leider )?(absagen|eine absage)", 5),
    ("rejection", "de", "(stelle|position|vakanz|ausschreibung|funktion) (ist|wurde|wurden|haben wir|konnten wir) (bereits |inzwischen |mittlerweile |leider |schon )*(vergeben|besetzt|anderweitig besetzt|anderweitig vergeben|geschlossen|zurückgezogen|gestrichen)", 5),
    ("rejection", "de", "anderweitig (vergeben|besetzt|entschieden)", 5),
    ("rejection", "de", "(stelle|position|vakanz) (bereits |inzwischen |mittlerweile |schon |leider |nun )*(besetzt|vergeben)", 5),
    ("rejection", "de", "(kein|keine|keinen) (angebot|zusage|vertragsangebot|stelle|position|einladung) (machen|unterbreiten|anbieten|geben|aussprechen|erteilen)", 5),
    ("rejection", "de", "leider (kein|keine|keinen|nicht)", 3),
    ("rejection", "de", "(gegen|nicht für) (eine|ihre|deine|die|eine weitere) (fortsetzung|weiterführung|weitere berücksichtigung|berücksichtigung|zusammenarbeit|einstellung|besetzung mit)", 5),
    ("rejection", "de", "(uns|wir) (leider )?gegen (sie|dich|ihre|deine) (bewerbung|kandidatur)? (entschieden|entscheiden)", 5),
    ("rejection", "de", "(bewerbung|bewerbungsprozess|auswahlprozess|auswahlverfahren|prozess|kandidatur|bewerbungsverfahren) (leider )?nicht (weiter |länger )?(fortsetzen|fortführen|berücksichtigen|weiterverfolgen|weiter verfolgen|weiterführen)", 5),
    ("rejection", "de", "nicht (weiter|länger) (verfolgen|fortsetzen|berücksichtigen|weiterverfolgen|fortführen)", 5),
    ("rejection", "de", "nicht (weiter|länger|mehr) * (berücksichtigen|berücksichtigt|verfolgen|einbeziehen|fortsetzen)", 5),
    ("rejection", "de", "(hat es|hat's|hat das) (leider )?(diesmal |dieses mal |dieses jahr )?nicht (gepasst|geklappt|gereicht)", 5),
    ("rejection", "de", "(bedauern|bedauerlicherweise|bedaure)", 3),
    ("rejection", "de", "(nicht|leider nicht) (in die engere auswahl|weiter im prozess|in die nächste runde)", 5),
    ("rejection", "de", "(entspricht|entsprach|entsprechen|passt|passte|passen) (leider )?(nicht|weniger)", 3),
    ("rejection", "de", "(profil|qualifikation|qualifikationen|erfahrung|erfahrungen) * nicht (ganz )?(den|unseren|dem) (anforderungen|vorstellungen|anforderungsprofil)", 4),
    ("rejection", "de", "(keine|kein) (passende|passenden|geeignete|geeigneten) (stelle|position|vakanz|einsatzmöglichkeit|möglichkeit)", 4),
    ("rejection", "de", "(wünschen|wünsche) * (viel erfolg|alles gute|weiterhin|das beste|glück)", 3),
    ("rejection", "de", "(für (ihren|deinen) (weiteren )?(beruflichen )?(weg|werdegang|lebensweg|zukunft)|bei (ihrer|deiner) (weiteren )?(stellensuche|jobsuche|suche))", 3),
    ("rejection", "de", "(unterlagen|bewerbungsunterlagen|daten) * (zurück|gelöscht|löschen|vernichtet|vernichten|zurücksenden)", 2),
    ("rejection", "de", "(nach (sorgfältiger|eingehender|gründlicher|reiflicher|intensiver|langer) (prüfung|überlegung|abwägung|durchsicht|betrachtung))", 2),
    ("rejection", "de", "(diese entscheidung|die entscheidung ist|entscheidung (fiel|ist) uns nicht leicht|keine wertung)", 3),
    ("rejection", "de", "leider", 2),
    # -- interview ----------------------------------------------------------------------------------
    ("interview", "de", f"(einladung|einladen|einzuladen|laden|lade|eingeladen) * {TALK}", 5),
    ("interview", "de", f"{TALK} * (einladen|einzuladen|eingeladen)", 5),
    ("interview", "de", "(möchten|würden|wollen|möchte|würde) (sie|dich|euch) (gerne |gern |herzlich )?(zu|zum|zu einem|zu unserem) * (einladen|kennenlernen)", 5),
    ("interview", "de", "(gerne |gern )?(persönlich|näher|besser) (kennenlernen|kennen lernen|kennenzulernen|kennen zu lernen)", 4),
    ("interview", "de", f"{TALK} * (kennenlernen|kennen lernen|kennenzulernen|kennen zu lernen)", 4),
    ("interview", "de", "(dich|sie|euch) (gerne |gern )?(persönlich |kurz )?(kennenzulernen|kennenlernen|kennen zu lernen)", 3),
    ("interview", "de", "(hast|haben|hättest|hätten|hättet) (du|sie|ihr) (am|morgen|nächste|nächsten|diese|diesen|montag|dienstag|mittwoch|donnerstag|freitag) * zeit", 4),
    ("interview", "de", "(einladung|einladungen) (zum|zu|für)", 3),
    ("interview", "de", "(vorstellungsgespräch|telefoninterview|videointerview|bewerbungsgespräch|kennenlerngespräch|erstgespräch|zweitgespräch|fachgespräch|auswahlgespräch|assessment center|assessment-center)", 4),
    ("interview", "de", "(termin|terminvorschlag|terminvorschläge|zeitfenster|zeitslot|zeitslots|terminoptionen|terminfindung|terminbestätigung) (für|zum|zu|am|mit)", 3),
    ("interview", "de", "(wann|welche termine|welcher termin|welche zeiten|welches zeitfenster) (haben|hätten|passen|passt|wären|würde|würden|sind) (sie|du|ihnen|dir)", 4),
    ("interview", "de", f"(passt|passen|ginge|geht|wäre) (es )?{YOU} (am|der|die|das|dienstag|montag|mittwoch|donnerstag|freitag|morgen|nächste)", 4),
    ("interview", "de", "(ihre|deine) (verfügbarkeit|verfügbarkeiten|terminvorschläge|wunschtermine)", 4),
    ("interview", "de", "wann (sie|du|ihr) (zeit|verfügbar|erreichbar) (haben|hättest|hätten|hast|sind|bist|wären|wärst)", 4),
    ("interview", "de", "(wählen|buchen|aussuchen|auswählen) (sie |du )?(sich |dir )?(einen|ihren|deinen|den) (termin|zeitslot|slot)", 4),
    ("interview", "de", "(gespräch|interview|telefonat|termin|treffen) (am|mit|um|bei uns|vor ort|per (video|telefon|teams|zoom))", 2),
    ("interview", "de", "(bestätigen|bestätige) (ihnen |dir )?(hiermit |gerne )?(den|ihren|deinen|unseren) (termin|gesprächstermin|interviewtermin)", 5),
    ("interview", "de", "(nächste|nächsten|zweite|finale|letzte) (runde|schritt|schritte|stufe)", 2),
    ("interview", "de", "(bei uns|persönlich|vor ort) (begrüßen|willkommen heißen)", 3),
    # -- assessment ---------------------------------------------------------------------------------
    ("assessment", "de", "(online-test|online test|onlinetest|online-assessment|online assessment|eignungstest|einstellungstest|persönlichkeitstest|fallstudie|probeaufgabe|programmieraufgabe|testaufgabe|arbeitsprobe|coding-challenge|coding challenge|case-aufgabe|aufgabenstellung|probearbeit)", 4),
    ("assessment", "de", "(bearbeiten|lösen|absolvieren|durchführen|ausfüllen) (sie |du )?(bitte )?(die|den|das|unsere|unseren|unser) (aufgabe|test|fallstudie|online-test|fragebogen|assessment|challenge)", 4),
    ("assessment", "de", "(aufgabe|test|assessment|challenge|fallstudie) (bis zum|bis spätestens|innerhalb)", 3),
    # -- offer --------------------------------------------------------------------------------------
    ("offer", "de", f"(freuen|freue) (uns|mich),? {YOU} * (angebot|vertragsangebot|stelle|position|zusage|vertrag)", 4),
    ("offer", "de", f"{YOU} (ein|das|unser|ein schriftliches|ein konkretes) (vertrags)?angebot (zu )?(unterbreiten|machen|senden|schicken|zukommen lassen)", 5),
    ("offer", "de", f"{YOU} die (stelle|position) * (anbieten|anzubieten)", 5),
    ("offer", "de", "(vertragsangebot|arbeitsvertrag|jobangebot|arbeitsangebot|stellenangebot für sie|vertragsentwurf|anstellungsvertrag|vertragsunterlagen)", 4),
    ("offer", "de", "(positive|erfreuliche|gute) (nachricht|nachrichten|rückmeldung|neuigkeiten)", 3),
    ("offer", "de", "(zusage|zusagen)", 3),
    ("offer", "de", "(willkommen (im team|an bord)|herzlich willkommen bei)", 3),
    ("offer", "de", "(jahresgehalt|bruttojahresgehalt|eintrittsdatum|startdatum|vertragsbeginn)", 2),
    # -- outreach -------------------------------------------------------------------------------------
    ("outreach", "de", "(bin|sind) (auf|über) (ihr|dein) (profil|xing-profil|linkedin-profil|lebenslauf) (aufmerksam geworden|gestoßen)", 5),
    ("outreach", "de", "(ihr|dein) (profil|werdegang|lebenslauf|hintergrund) (hat mich|hat uns|ist mir|ist uns) (angesprochen|überzeugt|aufgefallen|beeindruckt|neugierig gemacht)", 5),
    ("outreach", "de", "(spannende|interessante|attraktive|neue|tolle|reizvolle) (position|stelle|möglichkeit|vakanz|herausforderung|aufgabe|rolle|perspektive|chance)", 2),
    ("outreach", "de", "(offen|interesse|interessiert|bereit) (für|an) (eine |einen |einem )?(neue|neuen|berufliche|beruflichen|spannende|spannenden|kurze|kurzen|unverbindliche|unverbindlichen)? (herausforderung|herausforderungen|perspektive|veränderung|austausch|gespräch|telefonat|wechsel|position)", 4),
    ("outreach", "de", "(hätten|hättest|haben|hast) (sie|du) (grundsätzlich )?interesse", 4),
    ("outreach", "de", "(darf|dürfte|möchte|würde) ich (ihnen|dir) * (vorstellen|präsentieren)", 4),
    ("outreach", "de", "(an|für) (einem|einen|ein) (kurzen |unverbindlichen |ersten )?(austausch|gespräch|telefonat|kennenlernen) interessiert", 4),
    ("outreach", "de", "(wären|wärst) (sie|du) (grundsätzlich )?(offen|interessiert|bereit)", 4),
    ("outreach", "de", "(ich bin|als|arbeite als|bin als) (recruiter|recruiterin|personalberater|personalberaterin|headhunter|headhunterin|talent acquisition|talent partner|sourcer|sourcerin|personalvermittler|personalvermittlerin)", 5),
    ("outreach", "de", "(für|im auftrag) (einen|eines|unseren|unserer|meinen|meines) (kunden|kundin|mandanten|klienten)", 4),
    ("outreach", "de", "(unser|mein) (kunde|mandant|klient) (ist|sucht|hat)", 4),
    ("outreach", "de", "(suche|suchen) (aktuell |derzeit )?(für|nach) (einen|eine|einem)", 3),
    ("outreach", "de", "(unverbindlich|unverbindlichen|unverbindliches) (austausch|gespräch|telefonat|kennenlernen)", 3),
    ("outreach", "de", "ins gespräch (zu )?kommen", 2),
    # -- other ----------------------------------------------------------------------------------------
    ("other", "de", "(jobempfehlungen|jobvorschläge|passende jobs|neue jobs|jobs für sie|job-alarm|jobalarm|jobagent|job-agent|stellenangebote für sie|passende stellenangebote|neue stellenanzeigen|jobs, die zu ihnen passen|jobs die zu)", 5),
    ("other", "de", "(bestätigen|verifizieren|aktivieren) sie (ihre|ihr|deine|dein) (e-mail|e-mail-adresse|konto|registrierung|adresse|account)", 5),
    ("other", "de", "(passwort|kennwort) (zurücksetzen|ändern|vergessen|zurückgesetzt|geändert)", 5),
    ("other", "de", "(ihr|dein) (konto|profil|benutzerkonto|bewerberkonto|kandidatenkonto|account) (wurde|ist) (erfolgreich )?(erstellt|angelegt|aktiviert|gelöscht|aktualisiert)", 5),
    ("other", "de", "(newsletter|bestätigungscode|sicherheitscode|verifizierungscode|ihre bestellung|rechnung|buchungsbestätigung|lieferung|versandbestätigung|gehaltsabrechnung|webinar|veranstaltung|messe|anmeldung zum)", 5),
    ("other", "de", "(wer hat (ihr|dein) profil (besucht|angesehen)|profilbesucher|kontaktanfrage|neue kontakte)", 5),
    ("other", "de", "(bewerbung|bewerbungen) (fortsetzen|abschließen|vervollständigen|noch nicht abgeschlossen|noch nicht vollständig|unvollständig)", 5),
    ("other", "de", "(bewerbung|unterlagen) (wurde|wurden) (angesehen|geöffnet|gelesen|heruntergeladen)", 5),
    ("other", "de", "(umfrage|feedback zu (ihrem|deinem) (bewerbungsprozess|vorstellungsgespräch|interview|erlebnis)|wie war (ihr|dein) (vorstellungsgespräch|interview|bewerbungsprozess)|bewerten sie)", 5),
    ("other", "de", "(abmelden|abbestellen|abmeldung|benachrichtigungen verwalten)", 2),
    ("other", "de", "(abwesenheitsnotiz|automatische antwort|nicht im büro|außer haus|im urlaub)", 5),
    ("other", "de", "(anbei (sende ich|erhalten sie|finden sie) (ihnen )?meine|hiermit bewerbe ich mich|bewerbe mich (hiermit|um)|mit großem interesse habe ich)", 5),
)  # fmt: skip
