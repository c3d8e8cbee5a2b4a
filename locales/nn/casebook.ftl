# Det casebook seier til redaktøren, på nynorsk. Kvar melding her finst òg
# i ../nb/casebook.ftl og ../en/casebook.ftl (ein test sjekkar det).

## Ting som blir talde

problems = { $count ->
    [one] 1 feil
   *[other] { $count } feil
}
cases = { $count ->
    [one] 1 eksempel
   *[other] { $count } eksempel
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

check-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler
check-ok = sjekka { $cases } og { $pages }: ingen feil
check-ok-warnings = sjekka { $cases } og { $pages }: ingen feil, { $warnings }
drafts-skipped = { $count ->
    [one] 1 utkast vart ikkje sjekka (bruk --drafts)
   *[other] { $count } utkast vart ikkje sjekka (bruk --drafts)
}
build-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler; ingenting vart skrive
build-done = bygde { $cases }, { $themes }, { $pages } på { $seconds } s → { $out }
config-invalid = feil: innstillingane for nettstaden har { $problems }; ingenting vart sjekka
no-site = `{ $root }` har inga `content/`-mappe; køyr casebook i mappa til ein nettstad, bruk `--root MAPPE`, eller lag ein nettstad med `casebook init`
config-unreadable = kan ikkje lese `{ $file }`: { $reason }
config-unreadable-help = `casebook init` lagar ein nettstad som verkar, med alle innstillingsfilene
io-missing = fila finst ikkje
id-invalid = id-en `{ $id }` kan berre bruke a–z, 0–9 og `-`
id-invalid-help = prøv `{ $example }`
id-twice = id-en `{ $id }` er brukt to gonger
register-header-unreadable = kan ikkje lese overskriftslinja: { $reason }
register-header = overskriftslinja må ha kolonnane `code` og `name`
register-line-unreadable = kan ikkje lese ei linje: { $reason }
base-url-invalid = `base_url` må vere ei fullstendig http(s)-adresse, ikkje `{ $url }`
base-url-help = til dømes `base_url: https://eksempel.ks.no/`

## serve

serve-invalid = feil: { $problems } i { $files } av { $cases } eksempelfiler; ingenting blir vist
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
serve-port-taken = port { $port } på { $ip } er alt i bruk (køyrer ein annan `casebook serve`?); stopp det programmet eller vel ein annan port med `--port`
serve-bad-bind = `--bind { $bind }` er ikkje ei IP-adresse eller eit kjent vertsnamn; bruk til dømes `127.0.0.1` (berre denne maskina) eller `0.0.0.0` (alle nettverk)
serve-cannot-listen = kan ikkje lytte på { $addr }: { $reason }
serve-cannot-watch = kan ikkje følgje med på endringar i `{ $path }`: { $reason }
serve-cannot-open = kan ikkje opne mappa til nettstaden, `{ $folder }`
serve-cannot-address = kan ikkje lese adressa tenaren lyttar på
serve-cannot-start = kan ikkje starte HTTP-tenaren
serve-cannot-temp = kan ikkje lage ei mellombels mappe
serve-cannot-signals = kan ikkje lytte etter Ctrl-C
serve-cannot-thread = kan ikkje starte tråden som byggjer på nytt
serve-failed = HTTP-tenaren stoppa med ein feil
serve-cannot-remove = kan ikkje fjerne `{ $path }`
serve-files-failed = kan ikkje skrive dei opne dataa, feeden og søkjeindeksen på nytt: { $reason }
serve-watching = følgjer med på endringar: { $reason }
watch-limit = grensa til systemet for overvaka mapper er nådd. Auk ho med `sudo sysctl fs.inotify.max_user_watches=524288` (og legg linja `fs.inotify.max_user_watches=524288` i /etc/sysctl.conf så ho gjeld etter omstart)
watch-instances = grensa til systemet for filovervakarar er nådd. Auk ho med `sudo sysctl fs.inotify.max_user_instances=1024`, eller stopp andre program som følgjer med på filer
watch-rescan = hendingar gjekk tapt (alt blir lese på nytt)
template-built-in = innebygd mal { $name }
template-named = malen { $name }
templates = malane
template-help = rett malen og lagre han: sida blir lasta inn på nytt av seg sjølv
io-copy = kan ikkje kopiere `{ $path }`: { $reason }
io-create = kan ikkje lage `{ $path }`: { $reason }
io-look = kan ikkje sjå på `{ $path }`: { $reason }
io-move-new = kan ikkje flytte den nye nettstaden til `{ $path }`: { $reason }
io-move-old = kan ikkje flytte den gamle nettstaden bort frå `{ $path }`: { $reason }
io-read = kan ikkje lese `{ $path }`: { $reason }
io-remove = kan ikkje fjerne `{ $path }`: { $reason }
io-replace = kan ikkje byte ut `{ $path }`: { $reason }
io-write = kan ikkje skrive `{ $path }`: { $reason }
out-refused = `{ $folder }` er ikkje tom og vart ikkje skriven av casebook (ho har inga `{ $marker }`-fil); casebook byter ho ikkje ut. Vel ein annan `--out`, eller tøm mappa sjølv
base-url-option = `--base-url` må vere ei fullstendig http(s)-adresse som `https://eksempel.no/`, ikkje `{ $url }`
build-stopped = bygginga vart stoppa
skin-missing = utsjånaden `{ $name }` som er vald i `content/site.yaml`, har inga mappe `{ $path }`
skin-unreadable = kan ikkje lese `{ $path }`: { $reason }
skin-strings = `{ $file }` er ikkje ei liste med `nøkkel: tekst`-linjer: { $reason }
skin-template = feil i ein mal: { $reason }
skin-unloadable = kan ikkje laste utsjånaden
render-failed = kan ikkje lage `{ $page }` med malen `{ $template }`: { $reason }
content-invalid = innhaldet har { $problems }

## Feilvisinga over siste fungerande side i nettlesaren

overlay-title = casebook: { $problems } — dette er siste fungerande versjon av nettstaden
level-error = feil
level-warning = åtvaring
level-help = hjelp
overlay-fix = Rett fila og lagre ho: sida lastar seg inn på nytt av seg sjølv.

## new og init

new-created = laga content/cases/{ $slug }.md (eit utkast: `casebook check --drafts` sjekkar det)
init-created = laga { $path }
init-kept = heldt på { $path } (ho finst frå før)
init-done = { $count } filer skrivne i `{ $dir }`; neste steg: `casebook --root { $dir } new <KOMMUNE>`
new-no-name = `{ $name }` gjev ikkje noko brukbart filnamn; skriv namnet på kommunen, til dømes `casebook new Ålesund`
new-not-registered = `{ $name }` står ikkje i `content/municipalities.csv`
new-not-registered-near = `{ $name }` står ikkje i `content/municipalities.csv`; meinte du `{ $suggestion }`?
new-programme-unknown = ukjent program `{ $id }`; programma er: { $ids }
new-programme-near = ukjent program `{ $id }`; meinte du `{ $suggestion }`?
new-no-programme = `content/programmes.yaml` har ingen program; legg til eitt først
new-no-theme = `content/themes.yaml` har ingen tema; legg til eitt først
new-exists = `content/cases/{ $slug }.md` finst alt; rediger ho, eller gje det nye eksempelet eit anna namn
cannot-create = kan ikkje lage `{ $path }`
cannot-write = kan ikkje skrive `{ $path }`
cannot-write-stdout = kan ikkje skrive til standard ut

## Feil i YAML-en i toppfelta eller i ei innstillingsfil

yaml-too-many-values = for mykje YAML: meir enn { $max } verdiar (felt, listepunkt og tekstar)
yaml-too-deep = for mykje YAML: meir enn { $max } nivå inni kvarandre
yaml-too-many-aliases = for mykje YAML: meir enn { $max } tilvisingar (`*namn`)
yaml-too-many-anchors = for mykje YAML: meir enn { $max } ankre (`&namn`)
yaml-too-large = for mykje YAML: teksten er for stor eller gjentek seg for mykje til å lesast
yaml-too-much-help = eit eksempel treng berre enkle felt og lister; fjern dei djupe nivåa eller dei gjentekne `*namn`-tilvisingane
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
missing-county = dette eksempelet har verken `municipality_number` eller `county`
missing-county-help-register = legg til `{ $number }` og `{ $county }` (frå kommuneregisteret) så lesarane finn eksempelet etter fylke
missing-county-help = legg til `municipality_number` (dei fire sifra til kommunen, i hermeteikn) og `county` så lesarane finn eksempelet etter fylke
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
page-language-unknown = `language` må vere `nb`, `nn` eller `en`
published-future = `published` ({ $date }) ligg i framtida
published-future-help = eksempelet blir likevel bygd; sjekk datoen
summary-long = `summary` har { $chars } teikn; kort og søkjeresultat viser høgst { $max }
summary-long-help = kort han ned til éi eller to setningar
required-when = eit eksempel med `{ $key }: { $value }` treng `{ $field }`{ $label }
required-when-help = legg det til i toppfelta: `{ $example }`, eller endra `{ $key }`
recommended-missing = dette eksempelet har ikkje `{ $field }`{ $label }
themes-empty = `themes` er tom; eit eksempel treng minst eitt tema
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
measures-empty = `measures` er tom; eit eksempel treng minst eitt tiltak
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
slug-taken-help = gi ei av filene nytt namn: filnamnet er adressa til eksempelet
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
remote-image = biletet `{ $src }` ligg på ein annan tenar
remote-image-help = kopier biletet til `content/media/` og skriv `![skildring](/media/fil.jpg)`: nettstaden hentar ingenting frå andre tenarar
remote-embed = den innebygde sida `{ $src }` ligg på ein annan tenar
remote-embed-help = nettstaden hentar ingenting frå andre tenarar og viser ikkje ramma; lenk til sida i staden: `[Sjå videoen](https://…)`
remote-media = lyd- eller videofila `{ $src }` ligg på ein annan tenar
remote-media-help = kopier fila til `content/media/` og lenk til henne, `[Sjå videoen](/media/fil.mp4)`, eller lenk til sida der ho ligg: nettstaden hentar ingenting frå andre tenarar
image-missing = biletet `{ $src }` finst ikkje i `content/media/`
image-missing-help = legg fila i `{ $path }`
image-outside-media = biletet `{ $src }` ligg ikkje under `/media/`
image-outside-media-help = legg bilete i `content/media/` og vis til dei som `/media/fil.jpg`
indicator-unknown = ukjend indikator `{ $id }`
indicators-none-help = nettstaden har inga `content/indicators.yaml`; legg indikatoren inn der, eller dropp `id` og skriv `name` og `unit`
indicators-are = indikatorane i `content/indicators.yaml` er: { $ids }
entry-needs-indicator-help = ein indikator har `name`, `unit` (percent, count, nok eller ratio) og `series`, eller ein `id` frå `content/indicators.yaml` og `series`
indicator-unit = `{ $id }` blir målt i `{ $unit }` (content/indicators.yaml), ikkje i `{ $written }`
indicator-unit-help = dropp `unit`: den eigne eininga til indikatoren blir brukt
link-spaces = lenkja `{ $url }` inneheld mellomrom, hermeteikn eller `<>`
link-not-http = lenkja `{ $url }` er ikkje ei http(s)-adresse
link-incomplete = lenkja `{ $url }` er ikkje ei fullstendig adresse (ho må byrje med `https://`)
link-help = lenkjer må vere fullstendige http(s)-adresser, som `https://www.ks.no/`
email-invalid = `{ $address }` er ikkje ei e-postadresse
email-help = skriv éi adresse, som `kari.nordmann@kommune.no`, utan mellomrom og utan `mailto:`
markdown-too-deep = denne teksten har sitat, lister eller HTML-element inni kvarandre i meir enn { $max } nivå
markdown-too-deep-help = ein rapport treng høgst nokre få nivå; fjern dei ekstra `>`-teikna, listemerka eller HTML-taggane
register-number-help-named = kommunenummeret til { $name } står i registeret: skriv `{ $example }`
number-county-gone = `{ $number }` byrjar ikkje med nummeret til eit fylke frå 2024
number-county-gone-help = fylkesnummera er { $numbers }; nummera vart endra i 2024 (Vestfold og Telemark, Viken og Troms og Finnmark vart delte)
county-by-number-help = kommunenummer `{ $number }` høyrer til dette fylket: skriv `{ $example }`

## Å finne og lese filene

file-empty = fila er tom
file-empty-help = eit eksempel startar med ei `---`-linje, felta og ei ny `---`-linje; `casebook new <KOMMUNE>` lagar ei fil du kan fylle ut
front-matter-missing = fila startar ikkje med toppfelt
front-matter-missing-help = den første linja må vere `---`, følgd av felta (`title: …`) og ei avsluttande `---`-linje
front-matter-unclosed = toppfelta blir aldri avslutta
front-matter-unclosed-help = legg til ei linje `---` etter det siste feltet, før teksten i rapporten
not-a-file-skipped = dette er ikkje ei vanleg fil (ein pipe, socket eller eining); ho blir hoppa over
not-a-file-help = fjern ho frå mappa til nettstaden
not-a-file = dette er ikkje ei vanleg fil (ei mappe, pipe, socket eller eining)
symlink-outside = denne symbolske lenkja peikar ut av mappa til nettstaden (eller ingen stader)
symlink-outside-help = kopier fila inn i nettstaden i staden for å lenkje til henne
symlink-loop = denne symbolske lenkja går i ring
symlink-loop-help = fjern lenkja, eller la henne peike på ei fil eller mappe som ikkje inneheld henne sjølv
symlink-broken = denne symbolske lenkja peikar på `{ $target }`, som ikkje finst
symlink-broken-help = fjern lenkja, eller kopier fila inn i nettstaden i staden for å lenkje til henne
unreadable-folder = kan ikkje lese denne mappa: { $reason }
unreadable-file = kan ikkje lese fila: { $reason }
unreadable-help = sjekk tilgangane til fila
io-permission = inga tilgang
io-gone = ho finst ikkje lenger
io-unknown = ukjend feil
file-too-large = fila er { $size } MB; casebook les eksempelfiler på høgst { $max } MB
file-too-large-help = ein rapport er tekst; legg store vedlegg i `content/media/` og lenk til dei
invalid-utf8 = fila er ikkje UTF-8-tekst
invalid-utf8-help = lagre fila som UTF-8 (i dei fleste redigeringsprogram: «Lagre med koding» → UTF-8)
active-html = ei HTML-fil i `content/media/` ville blitt publisert som ei side på nettstaden som køyrer sine eigne skript
active-html-help = legg teksten på ei side under `content/pages/`, eller legg han ved som PDF
active-svgz = ein komprimert SVG kan ikkje sjekkast for skript
active-svgz-help = lagre han som ein vanleg `.svg`
active-too-large = fila er over { $max } MB, for stor til å sjekkast for skript
active-too-large-help = forenkle teikninga, eller eksporter henne som PNG
active-markup = denne { $kind }-fila inneheld { $found }, som ville køyrt som nettstaden når fila blir opna
active-markup-help = eksporter teikninga på nytt utan skript og interaktivitet (i Inkscape: «Optimized SVG»), eller som PNG
active-element = elementet `{ $element }`
active-stylesheet = ein stilarkinstruksjon (XSLT kan køyre skript)
active-xslt = ein XSLT-transformasjon
active-entity = ein entitetsdeklarasjon (entitetar kan setje saman markup som ingen sjekk ser)
active-url = ei `{ $scheme }`-adresse
active-handler = ein hendingshandterar (`{ $name }`)
