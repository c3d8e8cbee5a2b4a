# Det casebook sier til redaktøren, på bokmål. Hver melding her finnes også
# i ../nn/casebook.ftl og ../en/casebook.ftl (en test sjekker det).

## Ting som telles

problems = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
cases = { $count ->
    [one] 1 eksempel
   *[other] { $count } eksempler
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

check-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler
check-ok = sjekket { $cases } og { $pages }: ingen feil
check-ok-warnings = sjekket { $cases } og { $pages }: ingen feil, { $warnings }
drafts-skipped = { $count ->
    [one] 1 utkast ble ikke sjekket (bruk --drafts)
   *[other] { $count } utkast ble ikke sjekket (bruk --drafts)
}
build-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler; ingenting ble skrevet
build-done = bygde { $cases }, { $themes }, { $pages } på { $seconds } s → { $out }
config-invalid = feil: innstillingene for nettstedet har { $problems }; ingenting ble sjekket
no-site = `{ $root }` har ingen `content/`-mappe; kjør casebook i mappen til et nettsted, bruk `--root MAPPE`, eller lag et nettsted med `casebook init`
config-unreadable = kan ikke lese `{ $file }`: { $reason }
config-unreadable-help = `casebook init` lager et fungerende nettsted med alle innstillingsfilene
io-missing = filen finnes ikke
id-invalid = id-en `{ $id }` kan bare bruke a–z, 0–9 og `-`
id-invalid-help = prøv `{ $example }`
id-twice = id-en `{ $id }` er brukt to ganger
register-header-unreadable = kan ikke lese overskriftslinjen: { $reason }
register-header = overskriftslinjen må ha kolonnene `code` og `name`
register-line-unreadable = kan ikke lese en linje: { $reason }
base-url-invalid = `base_url` må være en fullstendig http(s)-adresse, ikke `{ $url }`
base-url-help = for eksempel `base_url: https://eksempel.ks.no/`

## serve

serve-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler; ingenting blir vist
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
serve-port-taken = port { $port } på { $ip } er allerede i bruk (kjører en annen `casebook serve`?); stopp det programmet eller velg en annen port med `--port`
serve-bad-bind = `--bind { $bind }` er ikke en IP-adresse eller et kjent vertsnavn; bruk for eksempel `127.0.0.1` (bare denne maskinen) eller `0.0.0.0` (alle nettverk)
serve-cannot-listen = kan ikke lytte på { $addr }: { $reason }
serve-cannot-watch = kan ikke følge med på endringer i `{ $path }`: { $reason }
serve-cannot-open = kan ikke åpne mappen til nettstedet, `{ $folder }`
serve-cannot-address = kan ikke lese adressen serveren lytter på
serve-cannot-start = kan ikke starte HTTP-serveren
serve-cannot-temp = kan ikke lage en midlertidig mappe
serve-cannot-signals = kan ikke lytte etter Ctrl-C
serve-cannot-thread = kan ikke starte tråden som bygger på nytt
serve-failed = HTTP-serveren stoppet med en feil
serve-cannot-remove = kan ikke fjerne `{ $path }`
serve-files-failed = kan ikke skrive de åpne dataene, feeden og søkeindeksen på nytt: { $reason }
serve-watching = følger med på endringer: { $reason }
watch-limit = systemets grense for overvåkede mapper er nådd. Øk den med `sudo sysctl fs.inotify.max_user_watches=524288` (og legg linjen `fs.inotify.max_user_watches=524288` i /etc/sysctl.conf så den gjelder etter omstart)
watch-instances = systemets grense for filovervåkere er nådd. Øk den med `sudo sysctl fs.inotify.max_user_instances=1024`, eller stopp andre programmer som følger med på filer
watch-rescan = hendelser gikk tapt (alt leses på nytt)
template-built-in = innebygd mal { $name }
template-named = malen { $name }
templates = malene
template-help = rett malen og lagre den: siden lastes inn på nytt av seg selv
io-copy = kan ikke kopiere `{ $path }`: { $reason }
io-create = kan ikke lage `{ $path }`: { $reason }
io-look = kan ikke se på `{ $path }`: { $reason }
io-move-new = kan ikke flytte det nye nettstedet til `{ $path }`: { $reason }
io-move-old = kan ikke flytte det gamle nettstedet bort fra `{ $path }`: { $reason }
io-read = kan ikke lese `{ $path }`: { $reason }
io-remove = kan ikke fjerne `{ $path }`: { $reason }
io-replace = kan ikke erstatte `{ $path }`: { $reason }
io-write = kan ikke skrive `{ $path }`: { $reason }
out-refused = `{ $folder }` er ikke tom og ble ikke skrevet av casebook (den har ingen `{ $marker }`-fil); casebook erstatter den ikke. Velg en annen `--out`, eller tøm mappen selv
base-url-option = `--base-url` må være en fullstendig http(s)-adresse som `https://eksempel.no/`, ikke `{ $url }`
build-stopped = byggingen ble stoppet
skin-missing = utseendet `{ $name }` som er valgt i `content/site.yaml`, har ingen mappe `{ $path }`
skin-unreadable = kan ikke lese `{ $path }`: { $reason }
skin-strings = `{ $file }` er ikke en liste med `nøkkel: tekst`-linjer: { $reason }
skin-template = feil i en mal: { $reason }
skin-unloadable = kan ikke laste utseendet
render-failed = kan ikke lage `{ $page }` med malen `{ $template }`: { $reason }
content-invalid = innholdet har { $problems }

## Feilvisningen over siste fungerende side i nettleseren

overlay-title = casebook: { $problems } — dette er siste fungerende versjon av nettstedet
level-error = feil
level-warning = advarsel
level-help = hjelp
overlay-fix = Rett filen og lagre den: siden lastes inn på nytt av seg selv.

## new og init

new-created = laget content/cases/{ $slug }.md (et utkast: `casebook check --drafts` sjekker det)
init-created = laget { $path }
init-kept = beholdt { $path } (den finnes fra før)
init-done = { $count } filer skrevet i `{ $dir }`; neste steg: `casebook --root { $dir } new <KOMMUNE>`
new-no-name = `{ $name }` gir ikke noe brukbart filnavn; skriv navnet på kommunen, for eksempel `casebook new Ålesund`
new-not-registered = `{ $name }` står ikke i `content/municipalities.csv`
new-not-registered-near = `{ $name }` står ikke i `content/municipalities.csv`; mente du `{ $suggestion }`?
new-programme-unknown = ukjent program `{ $id }`; programmene er: { $ids }
new-programme-near = ukjent program `{ $id }`; mente du `{ $suggestion }`?
new-no-programme = `content/programmes.yaml` har ingen program; legg til ett først
new-no-theme = `content/themes.yaml` har ingen tema; legg til ett først
new-exists = `content/cases/{ $slug }.md` finnes allerede; rediger den, eller gi det nye eksempelet et annet navn
cannot-create = kan ikke lage `{ $path }`
cannot-write = kan ikke skrive `{ $path }`
cannot-write-stdout = kan ikke skrive til standard ut

## Feil i YAML-en i toppfeltene eller i en innstillingsfil

yaml-too-many-values = for mye YAML: mer enn { $max } verdier (felt, listepunkter og tekster)
yaml-too-deep = for mye YAML: mer enn { $max } nivåer inni hverandre
yaml-too-many-aliases = for mye YAML: mer enn { $max } henvisninger (`*navn`)
yaml-too-many-anchors = for mye YAML: mer enn { $max } ankre (`&navn`)
yaml-too-large = for mye YAML: teksten er for stor eller gjentar seg for mye til å leses
yaml-too-much-help = et eksempel trenger bare enkle felt og lister; fjern de dype nivåene eller de gjentatte `*navn`-henvisningene
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
missing-county = dette eksempelet har verken `municipality_number` eller `county`
missing-county-help-register = legg til `{ $number }` og `{ $county }` (fra kommuneregisteret) så leserne finner eksempelet etter fylke
missing-county-help = legg til `municipality_number` (kommunens fire sifre, i anførselstegn) og `county` så leserne finner eksempelet etter fylke
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
page-language-unknown = `language` må være `nb`, `nn` eller `en`
published-future = `published` ({ $date }) ligger i framtiden
published-future-help = eksempelet blir likevel bygd; sjekk datoen
summary-long = `summary` har { $chars } tegn; kort og søkeresultater viser høyst { $max }
summary-long-help = kort den ned til én eller to setninger
required-when = et eksempel med `{ $key }: { $value }` trenger `{ $field }`{ $label }
required-when-help = legg det til i toppfeltene: `{ $example }`, eller endre `{ $key }`
recommended-missing = dette eksempelet har ikke `{ $field }`{ $label }
themes-empty = `themes` er tom; et eksempel trenger minst ett tema
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
measures-empty = `measures` er tom; et eksempel trenger minst ett tiltak
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
slug-taken-help = gi en av filene nytt navn: filnavnet er adressen til eksempelet
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
remote-image = bildet `{ $src }` ligger på en annen server
remote-image-help = kopier bildet til `content/media/` og skriv `![beskrivelse](/media/fil.jpg)`: nettstedet henter ingenting fra andre servere
remote-embed = den innebygde siden `{ $src }` ligger på en annen server
remote-embed-help = nettstedet henter ingenting fra andre servere og viser ikke rammen; lenk til siden i stedet: `[Se videoen](https://…)`
remote-media = lyd- eller videofilen `{ $src }` ligger på en annen server
remote-media-help = kopier filen til `content/media/` og lenk til den, `[Se videoen](/media/fil.mp4)`, eller lenk til siden der den ligger: nettstedet henter ingenting fra andre servere
image-missing = bildet `{ $src }` finnes ikke i `content/media/`
image-missing-help = legg filen i `{ $path }`
image-outside-media = bildet `{ $src }` ligger ikke under `/media/`
image-outside-media-help = legg bilder i `content/media/` og vis til dem som `/media/fil.jpg`
indicator-unknown = ukjent indikator `{ $id }`
indicators-none-help = nettstedet har ingen `content/indicators.yaml`; legg indikatoren inn der, eller dropp `id` og skriv `name` og `unit`
indicators-are = indikatorene i `content/indicators.yaml` er: { $ids }
entry-needs-indicator-help = en indikator har `name`, `unit` (percent, count, nok eller ratio) og `series`, eller en `id` fra `content/indicators.yaml` og `series`
indicator-unit = `{ $id }` måles i `{ $unit }` (content/indicators.yaml), ikke i `{ $written }`
indicator-unit-help = dropp `unit`: indikatorens egen enhet brukes
link-spaces = lenken `{ $url }` inneholder mellomrom, anførselstegn eller `<>`
link-not-http = lenken `{ $url }` er ikke en http(s)-adresse
link-incomplete = lenken `{ $url }` er ikke en fullstendig adresse (den må starte med `https://`)
link-help = lenker må være fullstendige http(s)-adresser, som `https://www.ks.no/`
email-invalid = `{ $address }` er ikke en e-postadresse
email-help = skriv én adresse, som `kari.nordmann@kommune.no`, uten mellomrom og uten `mailto:`
markdown-too-deep = denne teksten har sitater, lister eller HTML-elementer inni hverandre i mer enn { $max } nivåer
markdown-too-deep-help = en rapport trenger høyst noen få nivåer; fjern de ekstra `>`-tegnene, listemerkene eller HTML-taggene
register-number-help-named = kommunenummeret til { $name } er i registeret: skriv `{ $example }`
number-county-gone = `{ $number }` starter ikke med nummeret til et fylke fra 2024
number-county-gone-help = fylkesnumrene er { $numbers }; numrene ble endret i 2024 (Vestfold og Telemark, Viken og Troms og Finnmark ble delt)
county-by-number-help = kommunenummer `{ $number }` hører til dette fylket: skriv `{ $example }`

## Å finne og lese filene

file-empty = filen er tom
file-empty-help = et eksempel starter med en `---`-linje, feltene og en ny `---`-linje; `casebook new <KOMMUNE>` lager en fil du kan fylle ut
front-matter-missing = filen starter ikke med toppfelt
front-matter-missing-help = den første linjen må være `---`, fulgt av feltene (`title: …`) og en avsluttende `---`-linje
front-matter-unclosed = toppfeltene blir aldri avsluttet
front-matter-unclosed-help = legg til en linje `---` etter det siste feltet, før teksten i rapporten
not-a-file-skipped = dette er ikke en vanlig fil (en pipe, socket eller enhet); den hoppes over
not-a-file-help = fjern den fra mappen til nettstedet
not-a-file = dette er ikke en vanlig fil (en mappe, pipe, socket eller enhet)
symlink-outside = denne symbolske lenken peker ut av mappen til nettstedet (eller ingen steder)
symlink-outside-help = kopier filen inn i nettstedet i stedet for å lenke til den
symlink-loop = denne symbolske lenken går i ring
symlink-loop-help = fjern lenken, eller la den peke på en fil eller mappe som ikke inneholder den selv
symlink-broken = denne symbolske lenken peker på `{ $target }`, som ikke finnes
symlink-broken-help = fjern lenken, eller kopier filen inn i nettstedet i stedet for å lenke til den
unreadable-folder = kan ikke lese denne mappen: { $reason }
unreadable-file = kan ikke lese filen: { $reason }
unreadable-help = sjekk tilgangene til filen
io-permission = ingen tilgang
io-gone = den finnes ikke lenger
io-unknown = ukjent feil
file-too-large = filen er { $size } MB; casebook leser eksempelfiler på høyst { $max } MB
file-too-large-help = en rapport er tekst; legg store vedlegg i `content/media/` og lenk til dem
invalid-utf8 = filen er ikke UTF-8-tekst
invalid-utf8-help = lagre filen som UTF-8 (i de fleste redigeringsprogram: «Lagre med koding» → UTF-8)
active-html = en HTML-fil i `content/media/` ville blitt publisert som en side på nettstedet som kjører sine egne skript
active-html-help = legg teksten på en side under `content/pages/`, eller legg den ved som PDF
active-svgz = en komprimert SVG kan ikke sjekkes for skript
active-svgz-help = lagre den som en vanlig `.svg`
active-too-large = filen er over { $max } MB, for stor til å sjekkes for skript
active-too-large-help = forenkle tegningen, eller eksporter den som PNG
active-markup = denne { $kind }-filen inneholder { $found }, som ville kjørt som nettstedet når filen åpnes
active-markup-help = eksporter tegningen på nytt uten skript og interaktivitet (i Inkscape: «Optimized SVG»), eller som PNG
active-element = elementet `{ $element }`
active-stylesheet = en stilarkinstruksjon (XSLT kan kjøre skript)
active-xslt = en XSLT-transformasjon
active-entity = en entitetsdeklarasjon (entiteter kan sette sammen markup som ingen sjekk ser)
active-url = en `{ $scheme }`-adresse
active-handler = en hendelseshåndterer (`{ $name }`)
