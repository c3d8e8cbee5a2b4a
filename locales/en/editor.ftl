# The editor in the browser (casebook serve, /_casebook/edit/), in English.
# Every message here is also in ../nb/editor.ftl and ../nn/editor.ftl (a
# test checks it). The form gets every message whose id starts with
# `editor-`.

## The server's answers

editor-wrong-host = this address does not belong to the editor; open it on the computer that runs `casebook serve`
editor-no-token = the request lacks the editor's token; reload the page
editor-wrong-origin = the request comes from another site and is refused
editor-bad-slug = `{ $slug }` cannot be an address (only a–z, 0–9 and `-`)
editor-config-broken = the site's configuration has problems: { $message }
editor-outside = `{ $path }` is not an ordinary folder of the site; nothing was written
editor-not-a-file = `{ $path }` is not an ordinary file; nothing was written
editor-io = cannot read or write the file: { $message }
editor-no-case = there is no case `{ $slug }`
editor-bad-json = the request cannot be read: { $message }
editor-cannot-write = the fields cannot be written: { $message }
editor-errors-only-draft = the case has errors and can be saved only as a draft
editor-changed = the file changed since you opened it; nothing was written
editor-too-large = the image is larger than { $megabytes } MB
editor-not-an-image = only JPEG, PNG, WebP and GIF can be uploaded (no SVG)
editor-no-file = the request holds no file
editor-no-name = no free file name was found

## The list

editor-list-title = Cases – editor
editor-list-heading = All cases
editor-list-intro = Every case, drafts too, with its errors and warnings.
editor-col-title = Title
editor-col-municipality = Municipality
editor-col-state = State
editor-col-problems = Problems
editor-col-actions = Actions
editor-draft = Draft
editor-published = Published
editor-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
editor-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
editor-no-problems = None
editor-edit = Edit
editor-edit-named = Edit { $title }
editor-open-page = View page
editor-open-page-named = View the page of { $title }
editor-untitled = (no title)
editor-no-cases = There are no cases yet.
editor-new-heading = New case
editor-new-municipality = Municipality
editor-new-municipality-help = Write the municipality's name; the list suggests names from the register.
editor-new-programme = Programme
editor-new-language = Language
editor-new-submit = Create the case
editor-new-working = Creating the case …
editor-lang-nb = Bokmål
editor-skip = Skip to the content
editor-lang-nn = Nynorsk

## The form

editor-case-title = { $title } – editor
editor-back = Back to all cases
editor-view-page = View page
editor-save = Save
editor-saving = Saving …
editor-saved = Saved.
editor-save-failed = Not saved: { $message }
editor-only-draft = The case has errors. It can be saved only as a draft: tick «Draft», or fix the errors.
editor-checking = Checking …
editor-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
editor-problems-none = No problems.
editor-problem-error = Error
editor-problem-warning = Warning
editor-problem-general = About the whole case
editor-summary-count = { $count } of { $max } characters
editor-preview = Preview
editor-preview-heading = Preview: { $field }
editor-required = required
editor-choose = Choose …
editor-item = Measure { $n }
editor-add-measure = Add a measure
editor-remove = Remove
editor-move-up = Move up
editor-move-down = Move down
editor-indicator = Figure { $n }
editor-indicator-from-list = From the list of figures
editor-indicator-own = A figure of its own (name and unit below)
editor-add-indicator = Add a figure
editor-remove-indicator = Remove the figure
editor-series = Values
editor-targets = Targets
editor-add-point = Add a value
editor-add-target = Add a target
editor-decimal-help = A decimal comma is fine: 9,5.
editor-add-funding = Add funding
editor-add-link = Add a link
editor-row = Row { $n }
editor-body = Story
editor-body-help = The story of the project, in Markdown.
editor-image = Insert an image
editor-image-file = Image file (JPEG, PNG, WebP or GIF, at most 10 MB)
editor-image-description = Description of the image (required, for those who cannot see it)
editor-image-upload = Upload and insert
editor-image-description-missing = Write a description of the image first.
editor-image-file-missing = Choose an image file first.
editor-image-inserted = The image is inserted.
editor-conflict-heading = Someone else changed the file
editor-conflict-intro = The file changed after you opened it. Nothing was overwritten. Here are both versions:
editor-conflict-yours = Your version (not saved)
editor-conflict-disk = The version on disk
editor-conflict-keep-mine = Save my version anyway
editor-conflict-take-disk = Use the version on disk
editor-unreadable = The file's fields cannot be read. Fix the file in a text editor; its problems are below.
editor-yes = Yes
editor-no = No
editor-none = (none)
