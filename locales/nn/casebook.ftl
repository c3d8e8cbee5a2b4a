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
level-error = feil
level-warning = åtvaring
level-help = hjelp
overlay-fix = Rett fila og lagre ho: sida lastar seg inn på nytt av seg sjølv.

## new og init

new-created = laga content/cases/{ $slug }.md (eit utkast: `casebook check --drafts` sjekkar det)
new-no-slug = `{ $name }` gjev ikkje noko filnamn som kan brukast; skriv namnet på kommunen, til dømes `casebook new Ålesund`
new-not-in-register = `{ $name }` står ikkje i `content/municipalities.csv`
new-unknown-programme = ukjent program `{ $id }`
new-programmes-are = programma er: { $ids }
new-no-programme = `content/programmes.yaml` har ikkje noko program; legg til eitt først
new-no-theme = `content/themes.yaml` har ikkje noko tema; legg til eitt først
new-exists = `content/cases/{ $slug }.md` finst frå før; rediger ho, eller gi det nye caset eit anna namn
init-created = laga { $path }
init-kept = heldt på { $path } (ho finst frå før)
init-done = { $count } filer skrivne i `{ $dir }`; neste steg: `casebook --root { $dir } new <KOMMUNE>`

## Feil i YAML-en i toppfelta eller i ei innstillingsfil

yaml-too-many-values = for mykje YAML: meir enn { $max } verdiar (felt, listepunkt og tekstar)
yaml-too-deep = for mykje YAML: meir enn { $max } nivå inni kvarandre
yaml-too-many-aliases = for mykje YAML: meir enn { $max } tilvisingar (`*namn`)
yaml-too-many-anchors = for mykje YAML: meir enn { $max } ankre (`&namn`)
yaml-too-large = for mykje YAML: teksten er for stor eller gjentek seg for mykje til å lesast
yaml-too-much-help = eit case treng berre enkle felt og lister; fjern dei djupe nivåa eller dei gjentekne `*namn`-tilvisingane
yaml-duplicate = feltet `{ $key }` er skrive to gonger
yaml-duplicate-first = { $message }: først på linje { $line }, kolonne { $column }, og her igjen
yaml-duplicate-help = eit felt kan berre stå éin gong: behald éin `{ $key }:` og slett eller slå saman den andre
yaml-tab = eit tabulatorteikn er brukt til innrykk
yaml-tab-help = YAML rykkjer inn berre med mellomrom: byt tabulatorteiknet med mellomrom, på linje med linja over
yaml-quote = hermeteiknet { $mark } som startar denne teksten, blir aldri lukka
yaml-quote-help = avslutt teksten med { $mark } på same linja, til dømes `{ $example }`, eller dropp hermeteikna
yaml-bracket = `{ $open }` her blir aldri lukka
yaml-bracket-help = lukk med `{ $close }` på same linja, til dømes `{ $example }`
yaml-colon = eit kolon med mellomrom etter inni ein verdi får resten til å sjå ut som eit nytt felt
yaml-colon-help = set heile teksten i hermeteikn: `{ $example }`
yaml-list-item = eit listepunkt (`- `) der det skulle stått felt (`namn: verdi`)
yaml-list-item-help = fjern `- ` og start feltet i same kolonne som felta over, eller legg lista under eit eige felt (`measures:`, så `- …` på linjene under)
yaml-indent = denne linja står ikkje på linje med linjene rundt
yaml-indent-help = felt på same nivå startar i same kolonne; rykk inn med mellomrom, to meir enn feltet dei høyrer til
yaml-unreadable = denne linja kan ikkje lesast
yaml-unreadable-help = sjekk hermeteikn og innrykk på denne linja; tekst med `: ` eller ` #` i må stå i hermeteikn, eller bruk `|` og skriv teksten på linjene under

## Felta i toppen av ei fil

kind-nothing = ingenting
kind-yes-no = ein ja/nei-verdi
kind-whole-number = eit heiltal
kind-decimal-number = eit desimaltal
kind-text = tekst
kind-list = ei liste
kind-fields = felt (`namn: verdi`)
kind-quoted-text = tekst i hermeteikn
kind-true-false = `true` eller `false`
kind-number = eit tal (med desimalpunktum, `9.3`)
field-empty = `{ $field }` er tomt
field-empty-help = skriv teksten etter kolonet, eller fjern linja
field-wrong-type = `{ $field }` må vere { $expected }, ikkje { $found }
write-like-this = skriv det slik: `{ $example }`
field-unknown = ukjent felt `{ $key }`
field-unknown-in = ukjent felt `{ $key }` i `{ $field }`
did-you-mean = meinte du `{ $suggestion }`?
fields-here = felta her er: { $fields }
number-comma = `{ $field }` er skrive med komma, `{ $written }`: inni `{ $braces }` skil komma felta
number-comma-help = skriv heiltalet utan skiljeteikn: `{ $example }`
decimal-comma = `{ $field }` er skrive med desimalkomma, `{ $written }`: inni `{ $braces }` skil komma felta
decimal-comma-help = skriv talet med desimalpunktum: `{ $example }`
too-many-problems = { $count } feil til i denne fila blir ikkje viste (høgst { $max } blir viste per fil)
too-many-problems-help = rett feila over og køyr `casebook check` på nytt
missing-county = dette caset har verken `municipality_number` eller `county`
missing-county-help-register = legg til `{ $number }` og `{ $county }` (frå kommuneregisteret) så lesarane finn caset etter fylke
missing-county-help = legg til `municipality_number` (dei fire sifra til kommunen, i hermeteikn) og `county` så lesarane finn caset etter fylke
date-invalid = `{ $text }` er ikkje ein verkeleg dato
date-meant-help = skriv `{ $example }` (år-månad-dag)
date-help = skriv han som år-månad-dag, til dømes `{ $example }`
field-missing = manglar det påkravde feltet `{ $field }`{ $label }
add-to-front-matter = legg det til i toppfelta: `{ $example }`
county-unknown = `{ $county }` er ikkje eitt av dei 15 fylka frå 2024
counties-are = fylka er: { $counties }
county-mismatch = kommunenummer `{ $number }` høyrer til { $by_number } ({ $county_number }), ikkje til { $county }
county-mismatch-help = skriv `county: { $by_number }`, eller rett `municipality_number`
programme-unknown = ukjent program `{ $id }`
programmes-are = programma i `content/programmes.yaml` er: { $ids }
status-unknown = ukjent status `{ $status }`
status-did-you-mean = meinte du `{ $suggestion }`? (ein av planned, ongoing, completed)
status-help = bruk ein av planned (planlagt), ongoing (pågår), completed (ferdig)
language-unknown = ukjent språk `{ $language }`
language-help = bruk `nb` (bokmål) eller `nn` (nynorsk)
published-future = `published` ({ $date }) ligg i framtida
published-future-help = caset blir likevel bygd; sjekk datoen
summary-long = `summary` har { $chars } teikn; kort og søkjeresultat viser høgst { $max }
summary-long-help = kort han ned til éi eller to setningar
required-when = eit case med `{ $key }: { $value }` treng `{ $field }`{ $label }
required-when-help = legg det til i toppfelta: `{ $example }`, eller endra `{ $key }`
recommended-missing = dette caset har ikkje `{ $field }`{ $label }
themes-empty = `themes` er tom; eit case treng minst eitt tema
themes-empty-help = vel frå `content/themes.yaml`, til dømes `{ $example }`
theme-unknown = ukjent tema `{ $id }`
themes-are = tema i `content/themes.yaml` er: { $ids }
theme-twice = temaet `{ $id }` står to gonger
theme-twice-help = fjern det gjentekne temaet
entry-needs-point = ein verdi i `{ $field }` treng `{ $needs }`
entry-needs-indicator = ein indikator treng `{ $needs }`
entry-needs-funding = ei finansiering treng `{ $needs }`
entry-needs-link = ei lenkje treng `{ $needs }`
entry-needs-contact = `contact` treng `{ $needs }`
measures-empty = `measures` er tom; eit case treng minst eitt tiltak
measures-empty-help = legg til éi `- …`-linje per tiltak
unit-unknown = ukjent eining `{ $unit }`
unit-help = bruk ein av percent (prosent), count (tal), nok (kroner), ratio (del)
year-range = `{ $field }` er { $year }; årstal må liggje mellom 1990 og 2100
year-help = skriv årstalet med fire siffer
period-start = `period` treng eit `start`-år
period-order = perioden sluttar ({ $end }) før han startar ({ $start })
period-order-help = byt om `start` og `end`
period-twice = perioden `{ $period }` står to gonger i `{ $field }`
period-twice-help = kvar periode kan ha éin verdi; fjern eller rett den gjentekne
period-invalid = `{ $period }` er ikkje ein periode
period-help = skriv eit år (`2012`), eit kvartal (`2008-Q1`) eller ein månad (`2008-03`), åra 1990–2100
date-wrong-type = `{ $field }` må vere ein dato
amount-negative = `amount_nok` kan ikkje vere negativ
per-unknown = ukjent `per`-verdi `{ $per }`
per-help = bruk `year` (per år), `month` (per månad) eller `total` (eller dropp `per` for eit eingongsbeløp)
slug-taken = adressa `{ $slug }` er alt brukt av `{ $other }`
slug-taken-help = gi ei av filene nytt namn: filnamnet er adressa til caset
file-name-invalid = filnamnet `{ $name }` kan ikkje brukast i ei adresse
file-name-help = gi fila namnet `{ $name }` (berre a–z, 0–9 og `-`)
register-unknown = `{ $name }` står ikkje i kommuneregisteret
register-help = sjekk skrivemåten mot `content/municipalities.csv`
register-number = registeret gir { $name } nummeret `{ $code }`, ikkje `{ $number }`
register-number-help = skriv `{ $example }`
number-quotes = `municipality_number` må stå i hermeteikn
number-quotes-help = skriv `{ $example }` (utan hermeteikn forsvinn ein null først i talet)
number-digits = `{ $number }` er ikkje eit firesifra kommunenummer
number-digits-help = kommunenummer har fire siffer, og dei to første er fylket sine (`1506` for Molde)

## Å finne og lese filene

file-empty = fila er tom
file-empty-help = eit case startar med ei `---`-linje, felta og ei ny `---`-linje; `casebook new <KOMMUNE>` lagar ei fil du kan fylle ut
front-matter-missing = fila startar ikkje med toppfelt
front-matter-missing-help = den første linja må vere `---`, følgd av felta (`title: …`) og ei avsluttande `---`-linje
front-matter-unclosed = toppfelta blir aldri avslutta
front-matter-unclosed-help = legg til ei linje `---` etter det siste feltet, før teksten i rapporten
