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

## The overlay over the last good page in the browser

overlay-title = casebook: { $problems } — this is the last good version of the site
overlay-error = error
overlay-warning = warning
overlay-help = help
overlay-fix = Fix the file and save it: this page reloads by itself.

## new and init

new-created = created content/cases/{ $slug }.md (a draft: `casebook check --drafts` checks it)
init-created = created { $path }
init-kept = kept { $path } (it exists already)
init-done = { $count } files written in `{ $dir }`; next: `casebook --root { $dir } new <MUNICIPALITY>`
