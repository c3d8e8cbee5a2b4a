//! The GitHub Actions workflow `init` writes to
//! `.github/workflows/casebook.yml`: check every push and pull request with
//! annotations beside the lines, and publish the main branch to GitHub
//! Pages. Its comments are in the site's language; they name only what an
//! editor sees in GitHub's own settings.

use casebook::words::Language;

/// The workflow, with `@n@` where its words depend on the language.
const TEMPLATE: &str = "\
# @1@
#
# @2@
# 1. Settings → Pages → Build and deployment → Source: «GitHub Actions».
# 2. Settings → Secrets and variables → Actions → Variables → New repository
#    @3@
#
# @4@
name: casebook

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

# @5@
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  check-and-build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Hent casebook
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/casebook
          key: casebook-${{ vars.CASEBOOK_GIT }}
      - name: Installer casebook
        run: command -v casebook || cargo install --locked --git \"${{ vars.CASEBOOK_GIT }}\" casebook
      - name: @6@
        run: casebook check --format github
      - name: @7@
        id: pages
        if: github.event_name != 'pull_request'
        uses: actions/configure-pages@v5
      - name: @8@
        if: github.event_name != 'pull_request'
        run: casebook build --base-url \"${{ steps.pages.outputs.base_url }}/\"
      - name: @9@
        if: github.event_name != 'pull_request'
        uses: actions/upload-pages-artifact@v3
        with:
          path: public

  publish:
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    needs: check-and-build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Publiser på GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
";

/// The bokmål words.
const NB: [(&str, &str); 9] = [
    (
        "@1@",
        "Sjekker eksemplene ved hver push og pull request, og publiserer nettstedet\n# på GitHub Pages når main-grenen er uten feil.",
    ),
    ("@2@", "Gjøres én gang, i repositoriet på GitHub:"),
    (
        "@3@",
        "variable: navn CASEBOOK_GIT, verdi adressen til casebook-koden\n#    (den du installerte casebook fra, for eksempel https://github.com/…/casebook).",
    ),
    (
        "@4@",
        "En feil i et eksempel vises ved linjen den står på, under «Files changed»\n# i pull requesten, og nettstedet blir ikke publisert før den er rettet.",
    ),
    (
        "@5@",
        "Én publisering om gangen; en ny push venter på den forrige.",
    ),
    (
        "@6@",
        "Sjekk eksemplene\n        # Hver feil blir en merknad ved linjen i filen.",
    ),
    ("@7@", "Finn adressen til nettstedet"),
    ("@8@", "Bygg nettstedet"),
    ("@9@", "Last opp nettstedet"),
];

/// The nynorsk words.
const NN: [(&str, &str); 9] = [
    (
        "@1@",
        "Sjekkar eksempla ved kvar push og pull request, og publiserer nettstaden\n# på GitHub Pages når main-greina er utan feil.",
    ),
    ("@2@", "Gjerast éin gong, i repositoriet på GitHub:"),
    (
        "@3@",
        "variable: namn CASEBOOK_GIT, verdi adressa til casebook-koden\n#    (den du installerte casebook frå, til dømes https://github.com/…/casebook).",
    ),
    (
        "@4@",
        "Ein feil i eit eksempel blir vist ved linja han står på, under «Files changed»\n# i pull requesten, og nettstaden blir ikkje publisert før han er retta.",
    ),
    (
        "@5@",
        "Éi publisering om gongen; ein ny push ventar på den førre.",
    ),
    (
        "@6@",
        "Sjekk eksempla\n        # Kvar feil blir ein merknad ved linja i fila.",
    ),
    ("@7@", "Finn adressa til nettstaden"),
    ("@8@", "Bygg nettstaden"),
    ("@9@", "Last opp nettstaden"),
];

/// The workflow in nynorsk for `Language::Nn`, else in bokmål.
pub fn text(language: Language) -> String {
    let words = match language {
        Language::Nn => &NN,
        _ => &NB,
    };
    words
        .iter()
        .fold(TEMPLATE.to_owned(), |text, (key, value)| {
            text.replace(key, value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_put_in_and_the_two_differ_only_in_words() {
        let nb = text(Language::Nb);
        let nn = text(Language::Nn);
        for (key, _) in NB {
            assert!(!nb.contains(key) && !nn.contains(key), "{key} left");
        }
        assert!(nb.contains("Sjekk eksemplene") && nn.contains("Sjekk eksempla"));
        assert_eq!(nb.lines().count(), nn.lines().count());
    }
}
