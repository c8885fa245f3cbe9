/// The page's stylesheet, inlined in `<style>` so the file needs nothing else. System fonts
/// only (no web fonts to fetch); white background; on paper the navigation is dropped, charts
/// sit two to a row and never split across pages, and colours print as on screen.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        html { background: #FFFFFF; }
        body {
          font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
          margin: 0 auto; max-width: 1220px; padding: 20px 28px 40px; background: #FFFFFF; color: #111111;
          line-height: 1.45;
        }
        h1 { font-size: 1.55rem; margin: 0.2rem 0 0.3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #BBBBBB; padding-bottom: 0.2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.02rem; margin: 1.4rem 0 0.4rem; }
        p { max-width: 62rem; }
        .lead { color: #333333; margin-top: 0; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1.2rem; margin: 0.8rem 0; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        nav ol { margin: 0.4rem 0; padding-left: 1.4rem; columns: 2; max-width: 40rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(470px, 1fr)); gap: 18px 28px; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.84rem; color: #333333; margin-top: 0.2rem; max-width: 560px; }
        svg.chart { display: block; width: 100%; max-width: 560px; height: auto; }
        svg.chart text { font-family: inherit; }
        figure.wide { margin: 0.8rem 0 1.2rem; }
        figure.wide svg.chart { max-width: 1100px; }
        figure.wide figcaption { max-width: 1100px; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        table.key-outcomes td { white-space: normal; min-width: 5.5rem; }
        table.key-outcomes th { white-space: normal; overflow-wrap: anywhere; }
        table.key-outcomes .interval { color: #555555; font-size: 0.92em; white-space: nowrap; }
        details { margin: 0.6rem 0 1rem; }
        details > summary { cursor: pointer; color: #333333; font-weight: 600; }
        table { border-collapse: collapse; font-size: 0.82rem; font-variant-numeric: tabular-nums; margin: 0.4rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
        th, td { padding: 2px 9px; border-bottom: 1px solid #E2E2E2; text-align: right; vertical-align: top; white-space: nowrap; }
        th { background: #F3F3F3; font-weight: 600; }
        th:first-child, td:first-child, td.text, th.text { text-align: left; }
        td.wrap { white-space: normal; overflow-wrap: anywhere; text-align: left; max-width: 48rem; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.86em; }
        .note { color: #444444; font-size: 0.9rem; }
        .bar-cell { width: 110px; }
        .bar-track { position: relative; display: inline-block; width: 100px; height: 0.7em; background: #F0F0F0; }
        .bar-fill { position: absolute; top: 0; bottom: 0; }
        footer { margin-top: 2.5rem; color: #555555; font-size: 0.8rem; }
        @media print {
          html, body { background: #FFFFFF; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .charts { grid-template-columns: 1fr 1fr; gap: 10px 16px; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          figure, tr, .facts { break-inside: avoid; page-break-inside: avoid; }
          .table-wrap { overflow: visible; }
          table { font-size: 7.5pt; }
          a { color: inherit; text-decoration: none; }
        }
        @page { size: A4; margin: 14mm; }
        """
}
