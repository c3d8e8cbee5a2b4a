# Det casebook sier til redaktøren, på bokmål. Hver melding her finnes også
# i ../nn/casebook.ftl og ../en/casebook.ftl (en test sjekker det).

## Ting som telles

problems = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
cases = { $count ->
    [one] 1 case
   *[other] { $count } caser
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
    [one] 1 advarsel
   *[other] { $count } advarsler
}

# Before a message that ends a command with exit code 2.
error = feil

## check og build

check-invalid = feil: { $problems } i { $files } av { $cases } case-filer
check-ok = sjekket { $cases } og { $pages }: ingen feil
check-ok-warnings = sjekket { $cases } og { $pages }: ingen feil, { $warnings }
drafts-skipped = { $count ->
    [one] 1 utkast ble ikke sjekket (bruk --drafts)
   *[other] { $count } utkast ble ikke sjekket (bruk --drafts)
}
build-invalid = feil: { $problems } i { $files } av { $cases } case-filer; ingenting ble skrevet
build-done = bygde { $cases }, { $themes }, { $pages } på { $seconds } s → { $out }
config-invalid = feil: innstillingene for nettstedet har { $problems }; ingenting ble sjekket
no-site = `{ $root }` har ingen `content/`-mappe; kjør casebook i mappen til et nettsted, bruk `--root MAPPE`, eller lag et nettsted med `casebook init`

## serve

serve-invalid = feil: { $problems } i { $files } av { $cases } case-filer; ingenting blir vist
serve-config-invalid = feil: innstillingene for nettstedet har { $problems }; ingenting blir vist
serve-exposed = advarsel: lytter på { $addr }: andre maskiner i nettverket kan åpne nettstedet, også utkastene; dropp `--bind` for å holde det på denne maskinen (127.0.0.1)
serve-built = bygde { $cases }, { $pages } på { $seconds } s i { $folder }
serve-serving = viser { $url } — følger med på content/ og themes/; trykk Ctrl-C for å stoppe
serve-rebuilt = { $time } { $changed } endret: bygd på nytt, { $pages } på { $millis }
serve-rebuilt-whole = { $time } { $changed } endret: hele nettstedet bygd på nytt, { $pages } på { $millis }
serve-broken = { $time } { $changed } endret: { $problems }; viser fortsatt siste fungerende versjon
serve-changed-files = { $count } filer ({ $first }, …)
serve-trouble = { $time } feil: { $message }
serve-stopping = stopper

## Feilvisningen over siste fungerende side i nettleseren

overlay-title = casebook: { $problems } — dette er siste fungerende versjon av nettstedet
level-error = feil
level-warning = advarsel
level-help = hjelp
overlay-fix = Rett filen og lagre den: siden lastes inn på nytt av seg selv.

## new og init

new-created = laget content/cases/{ $slug }.md (et utkast: `casebook check --drafts` sjekker det)
new-no-slug = `{ $name }` gir ikke noe filnavn som kan brukes; skriv kommunens navn, for eksempel `casebook new Ålesund`
new-not-in-register = `{ $name }` står ikke i `content/municipalities.csv`
new-unknown-programme = ukjent program `{ $id }`
new-programmes-are = programmene er: { $ids }
new-no-programme = `content/programmes.yaml` har ikke noe program; legg til ett først
new-no-theme = `content/themes.yaml` har ikke noe tema; legg til ett først
new-exists = `content/cases/{ $slug }.md` finnes fra før; rediger den, eller gi det nye caset et annet navn
init-created = laget { $path }
init-kept = beholdt { $path } (den finnes fra før)
init-done = { $count } filer skrevet i `{ $dir }`; neste steg: `casebook --root { $dir } new <KOMMUNE>`

## Feil i YAML-en i toppfeltene eller i en innstillingsfil

yaml-too-many-values = for mye YAML: mer enn { $max } verdier (felt, listepunkter og tekster)
yaml-too-deep = for mye YAML: mer enn { $max } nivåer inni hverandre
yaml-too-many-aliases = for mye YAML: mer enn { $max } henvisninger (`*navn`)
yaml-too-many-anchors = for mye YAML: mer enn { $max } ankre (`&navn`)
yaml-too-large = for mye YAML: teksten er for stor eller gjentar seg for mye til å leses
yaml-too-much-help = et case trenger bare enkle felt og lister; fjern de dype nivåene eller de gjentatte `*navn`-henvisningene
yaml-duplicate = feltet `{ $key }` er skrevet to ganger
yaml-duplicate-first = { $message }: først på linje { $line }, kolonne { $column }, og her igjen
yaml-duplicate-help = et felt kan bare stå én gang: behold én `{ $key }:` og slett eller slå sammen den andre
yaml-tab = et tabulatortegn er brukt til innrykk
yaml-tab-help = YAML rykker inn bare med mellomrom: bytt tabulatortegnet med mellomrom, på linje med linjen over
yaml-quote = anførselstegnet { $mark } som starter denne teksten, blir aldri lukket
yaml-quote-help = avslutt teksten med { $mark } på samme linje, for eksempel `{ $example }`, eller dropp anførselstegnene
yaml-bracket = `{ $open }` her blir aldri lukket
yaml-bracket-help = lukk med `{ $close }` på samme linje, for eksempel `{ $example }`
yaml-colon = et kolon med mellomrom etter inni en verdi får resten til å se ut som et nytt felt
yaml-colon-help = sett hele teksten i anførselstegn: `{ $example }`
yaml-list-item = et listepunkt (`- `) der det skulle stått felt (`navn: verdi`)
yaml-list-item-help = fjern `- ` og start feltet i samme kolonne som feltene over, eller legg listen under et eget felt (`measures:`, så `- …` på linjene under)
yaml-indent = denne linjen står ikke på linje med linjene rundt
yaml-indent-help = felt på samme nivå starter i samme kolonne; rykk inn med mellomrom, to mer enn feltet de hører til
yaml-unreadable = denne linjen kan ikke leses
yaml-unreadable-help = sjekk anførselstegn og innrykk på denne linjen; tekst med `: ` eller ` #` i må stå i anførselstegn, eller bruk `|` og skriv teksten på linjene under

## Feltene i toppen av en fil

kind-nothing = ingenting
kind-yes-no = en ja/nei-verdi
kind-whole-number = et heltall
kind-decimal-number = et desimaltall
kind-text = tekst
kind-list = en liste
kind-fields = felt (`navn: verdi`)
kind-quoted-text = tekst i anførselstegn
kind-true-false = `true` eller `false`
kind-number = et tall (med desimalpunktum, `9.3`)
field-empty = `{ $field }` er tomt
field-empty-help = skriv teksten etter kolonet, eller fjern linjen
field-wrong-type = `{ $field }` må være { $expected }, ikke { $found }
write-like-this = skriv det slik: `{ $example }`
field-unknown = ukjent felt `{ $key }`
field-unknown-in = ukjent felt `{ $key }` i `{ $field }`
did-you-mean = mente du `{ $suggestion }`?
fields-here = feltene her er: { $fields }
number-comma = `{ $field }` er skrevet med komma, `{ $written }`: inni `{ $braces }` skiller komma feltene
number-comma-help = skriv heltallet uten skilletegn: `{ $example }`
decimal-comma = `{ $field }` er skrevet med desimalkomma, `{ $written }`: inni `{ $braces }` skiller komma feltene
decimal-comma-help = skriv tallet med desimalpunktum: `{ $example }`
too-many-problems = { $count } feil til i denne filen vises ikke (høyst { $max } vises per fil)
too-many-problems-help = rett feilene over og kjør `casebook check` på nytt
missing-county = dette caset har verken `municipality_number` eller `county`
missing-county-help-register = legg til `{ $number }` og `{ $county }` (fra kommuneregisteret) så leserne finner caset etter fylke
missing-county-help = legg til `municipality_number` (kommunens fire sifre, i anførselstegn) og `county` så leserne finner caset etter fylke
date-invalid = `{ $text }` er ikke en ekte dato
date-meant-help = skriv `{ $example }` (år-måned-dag)
date-help = skriv den som år-måned-dag, for eksempel `{ $example }`
field-missing = mangler det påkrevde feltet `{ $field }`{ $label }
add-to-front-matter = legg det til i toppfeltene: `{ $example }`
county-unknown = `{ $county }` er ikke ett av de 15 fylkene fra 2024
counties-are = fylkene er: { $counties }
county-mismatch = kommunenummer `{ $number }` hører til { $by_number } ({ $county_number }), ikke til { $county }
county-mismatch-help = skriv `county: { $by_number }`, eller rett `municipality_number`
programme-unknown = ukjent program `{ $id }`
programmes-are = programmene i `content/programmes.yaml` er: { $ids }
status-unknown = ukjent status `{ $status }`
status-did-you-mean = mente du `{ $suggestion }`? (en av planned, ongoing, completed)
status-help = bruk en av planned (planlagt), ongoing (pågår), completed (ferdig)
language-unknown = ukjent språk `{ $language }`
language-help = bruk `nb` (bokmål) eller `nn` (nynorsk)
published-future = `published` ({ $date }) ligger i framtiden
published-future-help = caset blir likevel bygd; sjekk datoen
summary-long = `summary` har { $chars } tegn; kort og søkeresultater viser høyst { $max }
summary-long-help = kort den ned til én eller to setninger
required-when = et case med `{ $key }: { $value }` trenger `{ $field }`{ $label }
required-when-help = legg det til i toppfeltene: `{ $example }`, eller endre `{ $key }`
recommended-missing = dette caset har ikke `{ $field }`{ $label }
themes-empty = `themes` er tom; et case trenger minst ett tema
themes-empty-help = velg fra `content/themes.yaml`, for eksempel `{ $example }`
theme-unknown = ukjent tema `{ $id }`
themes-are = temaene i `content/themes.yaml` er: { $ids }
theme-twice = temaet `{ $id }` står to ganger
theme-twice-help = fjern det gjentatte temaet
entry-needs-point = en verdi i `{ $field }` trenger `{ $needs }`
entry-needs-indicator = en indikator trenger `{ $needs }`
entry-needs-funding = en finansiering trenger `{ $needs }`
entry-needs-link = en lenke trenger `{ $needs }`
entry-needs-contact = `contact` trenger `{ $needs }`
measures-empty = `measures` er tom; et case trenger minst ett tiltak
measures-empty-help = legg til én `- …`-linje per tiltak
unit-unknown = ukjent enhet `{ $unit }`
unit-help = bruk en av percent (prosent), count (antall), nok (kroner), ratio (andel)
year-range = `{ $field }` er { $year }; årstall må ligge mellom 1990 og 2100
year-help = skriv årstallet med fire sifre
period-start = `period` trenger et `start`-år
period-order = perioden slutter ({ $end }) før den starter ({ $start })
period-order-help = bytt om `start` og `end`
period-twice = perioden `{ $period }` står to ganger i `{ $field }`
period-twice-help = hver periode kan ha én verdi; fjern eller rett den gjentatte
period-invalid = `{ $period }` er ikke en periode
period-help = skriv et år (`2012`), et kvartal (`2008-Q1`) eller en måned (`2008-03`), årene 1990–2100
date-wrong-type = `{ $field }` må være en dato
amount-negative = `amount_nok` kan ikke være negativ
per-unknown = ukjent `per`-verdi `{ $per }`
per-help = bruk `year` (per år), `month` (per måned) eller `total` (eller dropp `per` for et engangsbeløp)
slug-taken = adressen `{ $slug }` er allerede brukt av `{ $other }`
slug-taken-help = gi en av filene nytt navn: filnavnet er adressen til caset
file-name-invalid = filnavnet `{ $name }` kan ikke brukes i en adresse
file-name-help = gi filen navnet `{ $name }` (bare a–z, 0–9 og `-`)
register-unknown = `{ $name }` står ikke i kommuneregisteret
register-help = sjekk skrivemåten mot `content/municipalities.csv`
register-number = registeret gir { $name } nummeret `{ $code }`, ikke `{ $number }`
register-number-help = skriv `{ $example }`
number-quotes = `municipality_number` må stå i anførselstegn
number-quotes-help = skriv `{ $example }` (uten anførselstegn forsvinner en null først i tallet)
number-digits = `{ $number }` er ikke et firesifret kommunenummer
number-digits-help = kommunenumre har fire sifre, og de to første er fylkets (`1506` for Molde)

## Å finne og lese filene

file-empty = filen er tom
file-empty-help = et case starter med en `---`-linje, feltene og en ny `---`-linje; `casebook new <KOMMUNE>` lager en fil du kan fylle ut
front-matter-missing = filen starter ikke med toppfelt
front-matter-missing-help = den første linjen må være `---`, fulgt av feltene (`title: …`) og en avsluttende `---`-linje
front-matter-unclosed = toppfeltene blir aldri avsluttet
front-matter-unclosed-help = legg til en linje `---` etter det siste feltet, før teksten i rapporten
