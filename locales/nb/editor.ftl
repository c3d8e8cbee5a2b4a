# Redigeringsverktøyet i nettleseren (casebook serve, /_casebook/edit/), på
# bokmål. Hver melding her finnes også i ../nn/editor.ftl og ../en/editor.ftl
# (en test sjekker det). Skjemaet får alle meldingene som begynner med
# `editor-`.

## Svar fra serveren

editor-wrong-host = denne adressen tilhører ikke redigeringsverktøyet; åpne det fra maskinen som kjører `casebook serve`
editor-no-token = forespørselen mangler redigeringsnøkkelen; last inn siden på nytt
editor-wrong-origin = forespørselen kommer fra et annet nettsted og er avvist
editor-bad-slug = `{ $slug }` kan ikke brukes som adresse (bare a–z, 0–9 og `-`)
editor-config-broken = nettstedets oppsett har feil: { $message }
editor-outside = `{ $path }` er ikke en vanlig mappe i nettstedet; ingenting ble skrevet
editor-not-a-file = `{ $path }` er ikke en vanlig fil; ingenting ble skrevet
editor-io = kan ikke lese eller skrive filen: { $message }
editor-no-case = det finnes ikke noe eksempel `{ $slug }`
editor-bad-json = forespørselen kan ikke leses: { $message }
editor-cannot-write = feltene kan ikke skrives: { $message }
editor-errors-only-draft = eksempelet har feil og kan bare lagres som utkast
editor-changed = filen er endret siden du åpnet den; ingenting ble skrevet
editor-too-large = bildet er større enn { $megabytes } MB
editor-not-an-image = bare JPEG, PNG, WebP og GIF kan lastes opp (ikke SVG)
editor-no-file = forespørselen har ingen fil
editor-no-name = fant ikke noe ledig filnavn

## Listen

editor-list-title = Eksempler – redigering
editor-list-heading = Alle eksempler
editor-list-intro = Her er alle eksemplene, også utkastene, med feil og advarsler.
editor-col-title = Tittel
editor-col-municipality = Kommune
editor-col-state = Tilstand
editor-col-problems = Problemer
editor-col-actions = Handlinger
editor-draft = Utkast
editor-published = Publisert
editor-errors = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
editor-warnings = { $count ->
    [one] 1 advarsel
   *[other] { $count } advarsler
}
editor-no-problems = Ingen
editor-edit = Rediger
editor-edit-named = Rediger { $title }
editor-open-page = Se siden
editor-open-page-named = Se siden til { $title }
editor-untitled = (uten tittel)
editor-no-cases = Det er ingen eksempler ennå.
editor-new-heading = Nytt eksempel
editor-new-municipality = Kommune
editor-new-municipality-help = Skriv kommunens navn; listen foreslår navn fra kommuneregisteret.
editor-new-programme = Program
editor-new-language = Målform
editor-new-submit = Lag eksempelet
editor-new-working = Lager eksempelet …
editor-lang-nb = Bokmål
editor-skip = Hopp til innholdet
editor-lang-nn = Nynorsk

## Skjemaet

editor-case-title = { $title } – redigering
editor-back = Tilbake til alle eksempler
editor-view-page = Se siden
editor-save = Lagre
editor-saving = Lagrer …
editor-saved = Lagret.
editor-save-failed = Ble ikke lagret: { $message }
editor-only-draft = Eksempelet har feil. Det kan bare lagres som utkast: kryss av for «Utkast», eller rett feilene.
editor-checking = Sjekker …
editor-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problemer
}
editor-problems-none = Ingen problemer.
editor-problem-error = Feil
editor-problem-warning = Advarsel
editor-problem-general = Gjelder hele eksempelet
editor-summary-count = { $count } av { $max } tegn
editor-preview = Forhåndsvis
editor-preview-heading = Forhåndsvisning: { $field }
editor-required = påkrevd
editor-choose = Velg …
editor-item = Tiltak { $n }
editor-add-measure = Legg til tiltak
editor-remove = Fjern
editor-move-up = Flytt opp
editor-move-down = Flytt ned
editor-indicator = Tall { $n }
editor-indicator-from-list = Fra listen over tall
editor-indicator-own = Eget tall (navn og enhet under)
editor-add-indicator = Legg til tall
editor-remove-indicator = Fjern tallet
editor-series = Målinger
editor-targets = Mål
editor-add-point = Legg til måling
editor-add-target = Legg til mål
editor-decimal-help = Desimalkomma går fint: 9,5.
editor-add-funding = Legg til finansiering
editor-add-link = Legg til lenke
editor-row = Rad { $n }
editor-body = Reportasje
editor-body-help = Fortellingen om prosjektet, i Markdown.
editor-image = Sett inn bilde
editor-image-file = Bildefil (JPEG, PNG, WebP eller GIF, høyst 10 MB)
editor-image-description = Beskrivelse av bildet (påkrevd, for dem som ikke ser det)
editor-image-upload = Last opp og sett inn
editor-image-description-missing = Skriv en beskrivelse av bildet først.
editor-image-file-missing = Velg en bildefil først.
editor-image-inserted = Bildet er satt inn.
editor-conflict-heading = Filen er endret av noen andre
editor-conflict-intro = Filen ble endret etter at du åpnet den. Ingenting er skrevet over. Her er begge versjonene:
editor-conflict-yours = Din versjon (ikke lagret)
editor-conflict-disk = Versjonen på disken
editor-conflict-keep-mine = Lagre min versjon likevel
editor-conflict-take-disk = Bruk versjonen på disken
editor-unreadable = Feltene i filen kan ikke leses. Rett filen i et tekstprogram; problemene står under.
editor-yes = Ja
editor-no = Nei
editor-none = (ingen)
