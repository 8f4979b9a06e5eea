"""GraphiQL without the internet: its JavaScript and CSS served by the app when fetched once.

Strawberry's GraphiQL page loads React, GraphiQL and the explorer plugin from a CDN. `hindsight
playground fetch` downloads exactly those files (the npm packages and versions the page names,
checked against the page's own integrity hashes) into a local directory; the app then serves
them under /graphql/assets/ and points the page at them. Without the files the page is left
as strawberry ships it, on the CDN.
"""
