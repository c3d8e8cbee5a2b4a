# casebook's words to the editor, in English. Every message here is also
# in ../nb/casebook.ftl and ../nn/casebook.ftl (a test checks it).

## Counted things

problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
cases = { $count ->
    [one] 1 case
   *[other] { $count } cases
}
pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}
themes = { $count ->
    [one] 1 theme
   *[other] { $count } themes
}
warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}

# Before a message that ends a command with exit code 2.
error = error

## check and build

check-invalid = error: { $problems } in { $files } of { $cases } case files
check-ok = checked { $cases } and { $pages }: no errors
check-ok-warnings = checked { $cases } and { $pages }: no errors, { $warnings }
drafts-skipped = { $count ->
    [one] 1 draft not checked (use --drafts)
   *[other] { $count } drafts not checked (use --drafts)
}
build-invalid = error: { $problems } in { $files } of { $cases } case files; nothing was written
build-done = built { $cases }, { $themes }, { $pages } in { $seconds } s → { $out }
config-invalid = error: the site's configuration has { $problems }; nothing was checked
no-site = `{ $root }` has no `content/` folder; run casebook in a site's folder, pass `--root DIR`, or create a site with `casebook init`
config-unreadable = cannot read `{ $file }`: { $reason }
config-unreadable-help = `casebook init` writes a working skeleton site with every configuration file
io-missing = no such file
id-invalid = the id `{ $id }` may only use a–z, 0–9 and `-`
id-invalid-help = try `{ $example }`
id-twice = the id `{ $id }` is used twice
register-header-unreadable = cannot read the header line: { $reason }
register-header = the header line must name the columns `code` and `name`
register-line-unreadable = cannot read a line: { $reason }
base-url-invalid = `base_url` must be an absolute http(s) address, not `{ $url }`
base-url-help = for example `base_url: https://eksempel.ks.no/`

## serve

serve-invalid = error: { $problems } in { $files } of { $cases } case files; nothing is served
serve-config-invalid = error: the site's configuration has { $problems }; nothing is served
serve-exposed = warning: listening on { $addr }: other computers on the network can open the site, drafts included; leave out `--bind` to keep it on this computer (127.0.0.1)
serve-built = built { $cases }, { $pages } in { $seconds } s into { $folder }
serve-serving = serving { $url } — watching content/ and themes/; press Ctrl-C to stop
serve-rebuilt = { $time } { $changed } changed: rebuilt, { $pages } in { $millis }
serve-rebuilt-whole = { $time } { $changed } changed: whole site rebuilt, { $pages } in { $millis }
serve-broken = { $time } { $changed } changed: { $problems }; still serving the last good site
serve-changed-files = { $count } files ({ $first }, …)
serve-trouble = { $time } error: { $message }
serve-stopping = stopping
serve-port-taken = port { $port } on { $ip } is already in use (is another `casebook serve` running?); stop that program or choose another port with `--port`
serve-bad-bind = `--bind { $bind }` is not an IP address or a known host name; use e.g. `127.0.0.1` (this computer only) or `0.0.0.0` (every network)
serve-cannot-listen = cannot listen on { $addr }: { $reason }
serve-cannot-watch = cannot watch `{ $path }` for changes: { $reason }
serve-cannot-open = cannot open the site folder `{ $folder }`
serve-cannot-address = cannot read the bound address
serve-cannot-start = cannot start the HTTP server
serve-cannot-temp = cannot create a temporary folder
serve-cannot-signals = cannot listen for Ctrl-C
serve-cannot-thread = cannot start the rebuilding thread
serve-failed = the HTTP server failed
serve-cannot-remove = cannot remove `{ $path }`
serve-files-failed = cannot rewrite the open data, feed and search index: { $reason }
serve-watching = watching for changes: { $reason }
watch-limit = the system's limit on watched folders is reached. Raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (and add the line `fs.inotify.max_user_watches=524288` to /etc/sysctl.conf to keep it after a restart)
watch-instances = the system's limit on file watchers is reached. Raise it with `sudo sysctl fs.inotify.max_user_instances=1024`, or stop other programs that watch files
watch-rescan = events were lost (rescan)
template-built-in = built-in template { $name }
template-named = template { $name }
templates = templates
template-help = fix the template and save it: the page reloads by itself
io-copy = cannot copy `{ $path }`: { $reason }
io-create = cannot create `{ $path }`: { $reason }
io-look = cannot look at `{ $path }`: { $reason }
io-move-new = cannot move the new site to `{ $path }`: { $reason }
io-move-old = cannot move the old site away from `{ $path }`: { $reason }
io-read = cannot read `{ $path }`: { $reason }
io-remove = cannot remove `{ $path }`: { $reason }
io-replace = cannot replace `{ $path }`: { $reason }
io-write = cannot write `{ $path }`: { $reason }
out-refused = `{ $folder }` is not empty and was not written by casebook (it has no `{ $marker }` file); refusing to replace it. Choose another `--out`, or empty the folder yourself
base-url-option = `--base-url` must be an absolute http(s) address such as `https://eksempel.no/`, not `{ $url }`
build-stopped = the build was stopped
skin-missing = the skin `{ $name }` set in `content/site.yaml` has no folder `{ $path }`
skin-unreadable = cannot read `{ $path }`: { $reason }
skin-strings = `{ $file }` is not a list of `key: text` lines: { $reason }
skin-template = template error: { $reason }
skin-unloadable = cannot load the skin
render-failed = cannot render `{ $page }` with template `{ $template }`: { $reason }
content-invalid = the content has { $problems }

## The overlay over the last good page in the browser

overlay-title = casebook: { $problems } — this is the last good version of the site
level-error = error
level-warning = warning
level-help = help
overlay-fix = Fix the file and save it: this page reloads by itself.

## new and init

new-created = created content/cases/{ $slug }.md (a draft: `casebook check --drafts` checks it)
init-created = created { $path }
init-kept = kept { $path } (it exists already)
init-done = { $count } files written in `{ $dir }`; next: `casebook --root { $dir } new <MUNICIPALITY>`
new-no-name = `{ $name }` gives no usable file name; write the municipality's name, e.g. `casebook new Ålesund`
new-not-registered = `{ $name }` is not in `content/municipalities.csv`
new-not-registered-near = `{ $name }` is not in `content/municipalities.csv`; did you mean `{ $suggestion }`?
new-programme-unknown = unknown programme `{ $id }`; the programmes are: { $ids }
new-programme-near = unknown programme `{ $id }`; did you mean `{ $suggestion }`?
new-no-programme = `content/programmes.yaml` lists no programme; add one first
new-no-theme = `content/themes.yaml` lists no theme; add one first
new-exists = `content/cases/{ $slug }.md` exists already; edit it, or give the new case another name
cannot-create = cannot create `{ $path }`
cannot-write = cannot write `{ $path }`
cannot-write-stdout = cannot write to standard output

## Mistakes in the YAML of a front matter or a settings file

yaml-too-many-values = too much YAML: more than { $max } values (fields, list items and texts)
yaml-too-deep = too much YAML: nested more than { $max } levels deep
yaml-too-many-aliases = too much YAML: more than { $max } aliases (`*name`)
yaml-too-many-anchors = too much YAML: more than { $max } anchors (`&name`)
yaml-too-large = too much YAML: the text is too large or too repetitive to read
yaml-too-much-help = a case needs only plain fields and lists; remove the deep nesting or the repeated `*name` references
yaml-duplicate = the field `{ $key }` is written twice
yaml-duplicate-first = { $message }: first on line { $line }, column { $column }, and again here
yaml-duplicate-help = a field may appear only once: keep one `{ $key }:` and delete or merge the other
yaml-tab = a tab is used for indenting
yaml-tab-help = YAML indents with spaces only: replace the tab with spaces, lined up with the line above
yaml-quote = the quote mark { $mark } that starts this text is never closed
yaml-quote-help = end the text with { $mark } on the same line, e.g. `{ $example }`, or leave out the quote marks
yaml-bracket = the `{ $open }` here is never closed
yaml-bracket-help = close it with `{ $close }` on the same line, e.g. `{ $example }`
yaml-colon = a colon followed by a space inside a value makes the rest look like a new field
yaml-colon-help = put the whole text in quotes: `{ $example }`
yaml-list-item = a list item (`- `) where fields (`key: value`) were expected
yaml-list-item-help = remove the `- ` and start the field in the same column as the fields above, or put the list under a field of its own (`measures:`, then `- …` on the lines below)
yaml-indent = this line does not line up with the lines around it
yaml-indent-help = fields at the same level start in the same column; indent with spaces, two more than the field they belong to
yaml-unreadable = this line cannot be read
yaml-unreadable-help = check the quoting and indentation on this line; text with `: ` or ` #` in it needs quotes, or use `|` and put it on the next lines

## The front matter's fields

kind-nothing = nothing
kind-yes-no = a yes/no value
kind-whole-number = a whole number
kind-decimal-number = a decimal number
kind-text = text
kind-list = a list
kind-fields = a set of `key: value` fields
kind-quoted-text = text in quotes
kind-true-false = `true` or `false`
kind-number = a number (with a decimal point, `9.3`)
field-empty = `{ $field }` is empty
field-empty-help = write the text after the colon, or remove the line
field-wrong-type = `{ $field }` must be { $expected }, not { $found }
write-like-this = write it like this: `{ $example }`
field-unknown = unknown field `{ $key }`
field-unknown-in = unknown field `{ $key }` in `{ $field }`
did-you-mean = did you mean `{ $suggestion }`?
fields-here = the fields here are: { $fields }
number-comma = `{ $field }` is written with a comma, `{ $written }`: inside `{ $braces }` a comma separates fields
number-comma-help = write the whole number without separators: `{ $example }`
decimal-comma = `{ $field }` is written with a decimal comma, `{ $written }`: inside `{ $braces }` a comma separates fields
decimal-comma-help = write the number with a decimal point: `{ $example }`
too-many-problems = { $count } more problems in this file are not shown (at most { $max } are reported per file)
too-many-problems-help = fix the problems above and run `casebook check` again
missing-county = this case has neither `municipality_number` nor `county`
missing-county-help-register = add `{ $number }` and `{ $county }` (from the municipality register) so readers find the case by county
missing-county-help = add `municipality_number` (the municipality's four digits, in quotes) and `county` so readers find the case by county
date-invalid = `{ $text }` is not a real date
date-meant-help = write `{ $example }` (year-month-day)
date-help = write it as year-month-day, e.g. `{ $example }`
field-missing = missing required field `{ $field }`{ $label }
add-to-front-matter = add it to the front matter: `{ $example }`
county-unknown = `{ $county }` is not one of the 15 counties of 2024
counties-are = the counties are: { $counties }
county-mismatch = municipality number `{ $number }` belongs to { $by_number } ({ $county_number }), not to { $county }
county-mismatch-help = write `county: { $by_number }`, or correct `municipality_number`
programme-unknown = unknown programme `{ $id }`
programmes-are = the programmes in `content/programmes.yaml` are: { $ids }
status-unknown = unknown status `{ $status }`
status-did-you-mean = did you mean `{ $suggestion }`? (one of planned, ongoing, completed)
status-help = use one of planned, ongoing, completed
language-unknown = unknown language `{ $language }`
language-help = use `nb` (bokmål) or `nn` (nynorsk)
page-language-unknown = `language` must be `nb`, `nn` or `en`
published-future = `published` ({ $date }) lies in the future
published-future-help = the case is still built; check the date
summary-long = `summary` has { $chars } characters; cards and search results show at most { $max }
summary-long-help = shorten it to one or two sentences
required-when = a { $value } case needs a `{ $field }`{ $label }
required-when-help = add it to the front matter: `{ $example }`, or change `{ $key }`
recommended-missing = this case has no `{ $field }`{ $label }
themes-empty = `themes` is empty; a case needs at least one theme
themes-empty-help = pick from `content/themes.yaml`, e.g. `{ $example }`
theme-unknown = unknown theme `{ $id }`
themes-are = the themes in `content/themes.yaml` are: { $ids }
theme-twice = theme `{ $id }` is listed twice
theme-twice-help = remove the repeated theme
entry-needs-point = a value in `{ $field }` needs a `{ $needs }`
entry-needs-indicator = an indicator needs `{ $needs }`
entry-needs-funding = a funding entry needs `{ $needs }`
entry-needs-link = a link needs `{ $needs }`
entry-needs-contact = `contact` needs `{ $needs }`
measures-empty = `measures` is empty; a case needs at least one measure (Tiltak)
measures-empty-help = add one `- …` line per measure
unit-unknown = unknown unit `{ $unit }`
unit-help = use one of percent, count, nok, ratio
year-range = `{ $field }` is { $year }; years must lie between 1990 and 2100
year-help = write the year with four digits
period-start = `period` needs a `start` year
period-order = the period ends ({ $end }) before it starts ({ $start })
period-order-help = swap `start` and `end`
period-twice = period `{ $period }` appears twice in `{ $field }`
period-twice-help = each period may have one value; remove or correct the repeated one
period-invalid = `{ $period }` is not a period
period-help = write a year (`2012`), a quarter (`2008-Q1`) or a month (`2008-03`), years 1990–2100
date-wrong-type = `{ $field }` must be a date
amount-negative = `amount_nok` cannot be negative
per-unknown = unknown `per` value `{ $per }`
per-help = use `year`, `month` or `total` (or leave `per` out for a one-off amount)
slug-taken = the slug `{ $slug }` is already used by `{ $other }`
slug-taken-help = rename one of the files: the file name is the case's address
file-name-invalid = the file name `{ $name }` cannot be used in an address
file-name-help = rename the file to `{ $name }` (only a–z, 0–9 and `-`)
register-unknown = `{ $name }` is not in the municipality register
register-help = check the spelling against `content/municipalities.csv`
register-number = the register gives { $name } the number `{ $code }`, not `{ $number }`
register-number-help = write `{ $example }`
number-quotes = `municipality_number` must be written in quotes
number-quotes-help = write `{ $example }` (without quotes, a leading zero is lost)
number-digits = `{ $number }` is not a four-digit municipality number
number-digits-help = municipality numbers have four digits, the first two being the county's (`1506` for Molde)
remote-image = the image `{ $src }` is on another host
remote-image-help = copy the image into `content/media/` and write `![description](/media/file.jpg)`: the site makes no request to another host
remote-embed = the embedded page `{ $src }` is on another host
remote-embed-help = the site makes no request to another host and leaves the frame out; link to the page instead: `[Watch the video](https://…)`
remote-media = the audio or video file `{ $src }` is on another host
remote-media-help = copy the file into `content/media/` and link to it, `[Watch the video](/media/file.mp4)`, or link to the page it is on: the site makes no request to another host
image-missing = the image `{ $src }` is not in `content/media/`
image-missing-help = put the file at `{ $path }`
image-outside-media = the image `{ $src }` is not under `/media/`
image-outside-media-help = put images in `content/media/` and refer to them as `/media/file.jpg`
indicator-unknown = unknown indicator `{ $id }`
indicators-none-help = the site has no `content/indicators.yaml`; add the indicator there, or leave out `id` and give `name` and `unit`
indicators-are = the indicators in `content/indicators.yaml` are: { $ids }
entry-needs-indicator-help = an indicator has `name`, `unit` (percent, count, nok or ratio) and `series`, or an `id` from `content/indicators.yaml` and `series`
indicator-unit = `{ $id }` is measured in `{ $unit }` (content/indicators.yaml), not `{ $written }`
indicator-unit-help = leave out `unit`: the indicator's own is used
link-spaces = the link `{ $url }` contains spaces, quotes or `<>`
link-not-http = the link `{ $url }` is not an http(s) address
link-incomplete = the link `{ $url }` is not a complete address (it must start with `https://`)
link-help = links must be absolute http(s) addresses, like `https://www.ks.no/`
email-invalid = `{ $address }` is not an e-mail address
email-help = write one address, like `kari.nordmann@kommune.no`, without spaces or `mailto:`
markdown-too-deep = this text nests quotes, lists or HTML elements more than { $max } levels deep
markdown-too-deep-help = a report needs a few levels at most; remove the extra `>`, list markers or HTML tags
register-number-help-named = the register has { $name }'s number: write `{ $example }`
number-county-gone = `{ $number }` does not start with the number of a county of 2024
number-county-gone-help = the county numbers are { $numbers }; numbers changed in 2024 (Vestfold og Telemark, Viken and Troms og Finnmark were split)
county-by-number-help = municipality number `{ $number }` belongs to this county: write `{ $example }`

## Finding and reading the files

file-empty = the file is empty
file-empty-help = a case starts with a `---` line, its fields, and another `---` line; `casebook new <MUNICIPALITY>` writes one to fill in
front-matter-missing = the file does not start with front matter
front-matter-missing-help = the first line must be `---`, followed by the fields (`title: …`) and a closing `---` line
front-matter-unclosed = the front matter is never closed
front-matter-unclosed-help = add a line `---` after the last field, before the report text
not-a-file-skipped = this is not a regular file (a pipe, socket or device); it is skipped
not-a-file-help = remove it from the site folder
not-a-file = this is not a regular file (a folder, pipe, socket or device)
symlink-outside = this symbolic link points outside the site folder (or nowhere)
symlink-outside-help = copy the file into the site instead of linking to it
symlink-loop = this symbolic link makes a loop
symlink-loop-help = remove the link, or point it at a file or folder that does not contain it
symlink-broken = this symbolic link points to `{ $target }`, which does not exist
symlink-broken-help = remove the link, or copy the file into the site instead of linking to it
unreadable-folder = cannot read this folder: { $reason }
unreadable-file = cannot read the file: { $reason }
unreadable-help = check the file's permissions
io-permission = permission denied
io-gone = it no longer exists
io-unknown = unknown error
file-too-large = the file is { $size } MB; casebook reads case files of at most { $max } MB
file-too-large-help = a case report is text; put large attachments in `content/media/` and link to them
invalid-utf8 = the file is not UTF-8 text
invalid-utf8-help = save the file as UTF-8 (in most editors: «Save with encoding» → UTF-8)
active-html = an HTML file in `content/media/` would be published as a page of the site that runs its own scripts
active-html-help = put the text in a page under `content/pages/`, or attach it as a PDF
active-svgz = a compressed SVG cannot be checked for scripts
active-svgz-help = save it as a plain `.svg`
active-too-large = the file is over { $max } MB, too large to check for scripts
active-too-large-help = simplify the drawing, or export it as PNG
active-markup = this { $kind } file contains { $found }, which would run as the site when the file is opened
active-markup-help = export the drawing again without scripts or interactivity (in Inkscape: «Optimized SVG»), or as PNG
active-element = the element `{ $element }`
active-stylesheet = a style sheet instruction (XSLT can run script)
active-xslt = an XSLT transformation
active-entity = an entity declaration (entities can put markup together that no scan sees)
active-url = a `{ $scheme }` URL
active-handler = an event handler (`{ $name }`)
