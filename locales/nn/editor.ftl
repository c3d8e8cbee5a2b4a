# Redigeringsverktøyet i nettlesaren (casebook serve, /_casebook/edit/), på
# nynorsk. Kvar melding her finst òg i ../nb/editor.ftl og ../en/editor.ftl
# (ein test sjekkar det). Skjemaet får alle meldingane som byrjar med
# `editor-`.

## Svar frå serveren

editor-wrong-host = denne adressa høyrer ikkje til redigeringsverktøyet; opne det frå maskina som køyrer `casebook serve`
editor-no-token = førespurnaden manglar redigeringsnøkkelen; last inn sida på nytt
editor-wrong-origin = førespurnaden kjem frå ein annan nettstad og er avvist
editor-bad-slug = `{ $slug }` kan ikkje brukast som adresse (berre a–z, 0–9 og `-`)
editor-config-broken = oppsettet til nettstaden har feil: { $message }
editor-outside = `{ $path }` er ikkje ei vanleg mappe i nettstaden; ingenting vart skrive
editor-not-a-file = `{ $path }` er ikkje ei vanleg fil; ingenting vart skrive
editor-io = kan ikkje lese eller skrive fila: { $message }
editor-no-case = det finst ikkje noko eksempel `{ $slug }`
editor-bad-json = førespurnaden kan ikkje lesast: { $message }
editor-cannot-write = felta kan ikkje skrivast: { $message }
editor-errors-only-draft = eksempelet har feil og kan berre lagrast som utkast
editor-changed = fila er endra sidan du opna henne; ingenting vart skrive
editor-too-large = biletet er større enn { $megabytes } MB
editor-not-an-image = berre JPEG, PNG, WebP og GIF kan lastast opp (ikkje SVG)
editor-no-file = førespurnaden har inga fil
editor-no-name = fann ikkje noko ledig filnamn

## Lista

editor-list-title = Eksempel – redigering
editor-list-heading = Alle eksempla
editor-list-intro = Her er alle eksempla, også utkasta, med feil og åtvaringar.
editor-col-title = Tittel
editor-col-municipality = Kommune
editor-col-state = Tilstand
editor-col-problems = Problem
editor-col-actions = Handlingar
editor-draft = Utkast
editor-published = Publisert
editor-errors = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
editor-warnings = { $count ->
    [one] 1 åtvaring
   *[other] { $count } åtvaringar
}
editor-no-problems = Ingen
editor-edit = Rediger
editor-edit-named = Rediger { $title }
editor-open-page = Sjå sida
editor-open-page-named = Sjå sida til { $title }
editor-untitled = (utan tittel)
editor-no-cases = Det er ingen eksempel enno.
editor-new-heading = Nytt eksempel
editor-new-municipality = Kommune
editor-new-municipality-help = Skriv namnet på kommunen; lista føreslår namn frå kommuneregisteret.
editor-new-programme = Program
editor-new-language = Målform
editor-new-submit = Lag eksempelet
editor-new-working = Lagar eksempelet …
editor-lang-nb = Bokmål
editor-skip = Hopp til innhaldet
editor-lang-nn = Nynorsk

## Skjemaet

editor-case-title = { $title } – redigering
editor-back = Tilbake til alle eksempla
editor-view-page = Sjå sida
editor-save = Lagre
editor-saving = Lagrar …
editor-saved = Lagra.
editor-save-failed = Vart ikkje lagra: { $message }
editor-only-draft = Eksempelet har feil. Det kan berre lagrast som utkast: kryss av for «Utkast», eller rett feila.
editor-checking = Sjekkar …
editor-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problem
}
editor-problems-none = Ingen problem.
editor-problem-error = Feil
editor-problem-warning = Åtvaring
editor-problem-general = Gjeld heile eksempelet
editor-summary-count = { $count } av { $max } teikn
editor-preview = Førehandsvis
editor-preview-heading = Førehandsvising: { $field }
editor-required = påkravd
editor-choose = Vel …
editor-item = Tiltak { $n }
editor-add-measure = Legg til tiltak
editor-remove = Fjern
editor-move-up = Flytt opp
editor-move-down = Flytt ned
editor-indicator = Tal { $n }
editor-indicator-from-list = Frå lista over tal
editor-indicator-own = Eige tal (namn og eining under)
editor-add-indicator = Legg til tal
editor-remove-indicator = Fjern talet
editor-series = Målingar
editor-targets = Mål
editor-add-point = Legg til måling
editor-add-target = Legg til mål
editor-decimal-help = Desimalkomma går fint: 9,5.
editor-add-funding = Legg til finansiering
editor-add-link = Legg til lenkje
editor-row = Rad { $n }
editor-body = Reportasje
editor-body-help = Forteljinga om prosjektet, i Markdown.
editor-image = Set inn bilete
editor-image-file = Biletfil (JPEG, PNG, WebP eller GIF, høgst 10 MB)
editor-image-description = Skildring av biletet (påkravd, for dei som ikkje ser det)
editor-image-upload = Last opp og set inn
editor-image-description-missing = Skriv ei skildring av biletet først.
editor-image-file-missing = Vel ei biletfil først.
editor-image-inserted = Biletet er sett inn.
editor-conflict-heading = Fila er endra av nokon andre
editor-conflict-intro = Fila vart endra etter at du opna henne. Ingenting er skrive over. Her er begge versjonane:
editor-conflict-yours = Din versjon (ikkje lagra)
editor-conflict-disk = Versjonen på disken
editor-conflict-keep-mine = Lagre min versjon likevel
editor-conflict-take-disk = Bruk versjonen på disken
editor-unreadable = Felta i fila kan ikkje lesast. Rett fila i eit tekstprogram; problema står under.
editor-yes = Ja
editor-no = Nei
editor-none = (ingen)
