//! The GitHub Actions workflow `init` writes to
//! `.github/workflows/casebook.yml`: check every push and pull request with
//! annotations beside the lines, and publish the main branch to GitHub
//! Pages. Its comments are in the site's language; they name only what an
//! editor sees in GitHub's own settings.

/// Bokmål.
pub const NB: &str = "\
# Sjekker eksemplene ved hver push og pull request, og publiserer nettstedet
# på GitHub Pages når main-grenen er uten feil.
#
# Gjøres én gang, i repositoriet på GitHub:
# 1. Settings → Pages → Build and deployment → Source: «GitHub Actions».
# 2. Settings → Secrets and variables → Actions → Variables → New repository
#    variable: navn CASEBOOK_GIT, verdi adressen til casebook-koden
#    (den du installerte casebook fra, for eksempel https://github.com/…/casebook).
#
# En feil i et eksempel vises ved linjen den står på, under «Files changed»
# i pull requesten, og nettstedet blir ikke publisert før den er rettet.
name: casebook

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

# Én publisering om gangen; en ny push venter på den forrige.
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
      - name: Sjekk eksemplene
        # Hver feil blir en merknad ved linjen i filen.
        run: casebook check --format github
      - name: Finn adressen til nettstedet
        id: pages
        if: github.event_name != 'pull_request'
        uses: actions/configure-pages@v5
      - name: Bygg nettstedet
        if: github.event_name != 'pull_request'
        run: casebook build --base-url \"${{ steps.pages.outputs.base_url }}/\"
      - name: Last opp nettstedet
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

/// Nynorsk.
pub const NN: &str = "\
# Sjekkar eksempla ved kvar push og pull request, og publiserer nettstaden
# på GitHub Pages når main-greina er utan feil.
#
# Gjerast éin gong, i repositoriet på GitHub:
# 1. Settings → Pages → Build and deployment → Source: «GitHub Actions».
# 2. Settings → Secrets and variables → Actions → Variables → New repository
#    variable: namn CASEBOOK_GIT, verdi adressa til casebook-koden
#    (den du installerte casebook frå, til dømes https://github.com/…/casebook).
#
# Ein feil i eit eksempel blir vist ved linja han står på, under «Files changed»
# i pull requesten, og nettstaden blir ikkje publisert før han er retta.
name: casebook

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

# Éi publisering om gongen; ein ny push ventar på den førre.
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
      - name: Sjekk eksempla
        # Kvar feil blir ein merknad ved linja i fila.
        run: casebook check --format github
      - name: Finn adressa til nettstaden
        id: pages
        if: github.event_name != 'pull_request'
        uses: actions/configure-pages@v5
      - name: Bygg nettstaden
        if: github.event_name != 'pull_request'
        run: casebook build --base-url \"${{ steps.pages.outputs.base_url }}/\"
      - name: Last opp nettstaden
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
