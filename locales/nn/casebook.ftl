# Det casebook seier til redaktøren, på nynorsk. Kvar melding her finst òg
# i ../nb/casebook.ftl og ../en/casebook.ftl (ein test sjekkar det).

## Ting som blir talde

problems = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
cases = { $count ->
    [one] 1 case
   *[other] { $count } case
}
pages = { $count ->
    [one] 1 side
   *[other] { $count } sider
}
themes = { $count ->
    [one] 1 tema
   *[other] { $count } tema
}
warnings = { $count ->
    [one] 1 åtvaring
   *[other] { $count } åtvaringar
}

# Before a message that ends a command with exit code 2.
error = feil

## check og build

check-invalid = feil: { $problems } i { $files } av { $cases } case-filer
check-ok = sjekka { $cases } og { $pages }: ingen feil
check-ok-warnings = sjekka { $cases } og { $pages }: ingen feil, { $warnings }
drafts-skipped = { $count ->
    [one] 1 utkast vart ikkje sjekka (bruk --drafts)
   *[other] { $count } utkast vart ikkje sjekka (bruk --drafts)
}
build-invalid = feil: { $problems } i { $files } av { $cases } case-filer; ingenting vart skrive
build-done = bygde { $cases }, { $themes }, { $pages } på { $seconds } s → { $out }
config-invalid = feil: innstillingane for nettstaden har { $problems }; ingenting vart sjekka
no-site = `{ $root }` har inga `content/`-mappe; køyr casebook i mappa til ein nettstad, bruk `--root MAPPE`, eller lag ein nettstad med `casebook init`

## serve

serve-invalid = feil: { $problems } i { $files } av { $cases } case-filer; ingenting blir vist
serve-config-invalid = feil: innstillingane for nettstaden har { $problems }; ingenting blir vist
serve-exposed = åtvaring: lyttar på { $addr }: andre maskiner i nettverket kan opne nettstaden, òg utkasta; dropp `--bind` for å halde han på denne maskina (127.0.0.1)
serve-built = bygde { $cases }, { $pages } på { $seconds } s i { $folder }
serve-serving = viser { $url } — følgjer med på content/ og themes/; trykk Ctrl-C for å stoppe
serve-rebuilt = { $time } { $changed } endra: bygd på nytt, { $pages } på { $millis }
serve-rebuilt-whole = { $time } { $changed } endra: heile nettstaden bygd på nytt, { $pages } på { $millis }
serve-broken = { $time } { $changed } endra: { $problems }; viser framleis siste fungerande versjon
serve-changed-files = { $count } filer ({ $first }, …)
serve-trouble = { $time } feil: { $message }
serve-stopping = stoppar

## Feilvisinga over siste fungerande side i nettlesaren

overlay-title = casebook: { $problems } — dette er siste fungerande versjon av nettstaden
overlay-error = feil
overlay-warning = åtvaring
overlay-help = hjelp
overlay-fix = Rett fila og lagre ho: sida lastar seg inn på nytt av seg sjølv.

## new og init

new-created = laga content/cases/{ $slug }.md (eit utkast: `casebook check --drafts` sjekkar det)
init-created = laga { $path }
init-kept = heldt på { $path } (ho finst frå før)
init-done = { $count } filer skrivne i `{ $dir }`; neste steg: `casebook --root { $dir } new <KOMMUNE>`
