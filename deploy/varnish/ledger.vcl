# Varnish 7.1 in front of The Ledger's Node processes (deploy/README.md).
#
# - Reader pages are cached for as long as the site's Cache-Control allows shared caches
#   (s-maxage), whatever cookies a reader sends: the site only marks pages public that are the same
#   for everyone, and Varnish honours private and no-store answers (never cached).
# - The site purges by tag: every invalidation sends PURGE with the tags in `xkey-purge`, from a
#   machine in the `purgers` ACL with the shared secret (CACHE_PURGE_SECRET). Pages carry their tags
#   in `xkey` (Surrogate-Key for CDNs).
# - While the site answers, a purged or expired page is fetched at once (one request per page to
#   the origin; other readers wait for it). While it does not, or answers with an error, readers
#   get the last copy, up to a day (the site's stale-if-error).
# - The dashboard, API, form posts and the app's navigation requests go straight through.
#
# Before loading: replace @CACHE_PURGE_SECRET@ with the site's CACHE_PURGE_SECRET, and the backend
# port if the site does not listen on 3000 (deploy/README.md shows the command).
vcl 4.1;

import std;
import xkey;

backend ledger {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .probe = {
        .url = "/api/health";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the site's own processes, with the secret. nginx in front connects from this
# machine too, so the secret is what keeps readers out (and nginx refuses PURGE anyway).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers || req.http.X-Purge-Secret != "@CACHE_PURGE_SECRET@") {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the tags to purge in the xkey-purge header"));
        }
        # Soft: a purged page stays in grace, for readers to get while the site is down.
        set req.http.n-gone = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    unset req.http.X-Purge-Secret;
    if (req.restarts == 0) {
        unset req.http.X-Ledger-Stale;
        unset req.http.X-Ledger-Cacheable;
    }

    # A healthy site is asked at once for a page past its time or purged. A sick one (the probe
    # below), or one that just failed this request (vcl_deliver), is not asked: readers get the
    # page as it was, for up to a day (beresp.grace).
    if (std.healthy(req.backend_hint) && !req.http.X-Ledger-Stale) {
        set req.grace = 0s;
    } else {
        # (A restart keeps the first pass's req.grace: set it back.)
        set req.grace = 24h;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|api|dev)(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }
    # The app's navigation and prefetch requests answer per client state (their Vary says so).
    if (req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree || req.http.Next-Action || req.url ~ "[?&]_rsc=") {
        return (pass);
    }
    # Cookies do not stop caching here (the built-in rule would pass them): a page the site marks
    # public is the same for everyone. They still reach the site on a miss and on uncacheable pages.
    set req.http.X-Ledger-Cacheable = "1";
    return (hash);
}

sub vcl_backend_response {
    # Kept past its time (or a soft purge) for up to a day, served only while the site is down
    # (vcl_recv); the site's stale-if-error says the same.
    set beresp.grace = 24h;
    # A failed refetch in the background keeps the copy readers have.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Errors are not kept: the next reader asks again.
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_backend_error {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    synthetic({"<!doctype html>
<html lang="en-GB"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site is not answering</title>
<style>body{font:1.1rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>
<main><h1>The site is not answering right now</h1>
<p>Its server did not respond. Pages you have read recently may still load; anything else will be back in a moment.</p>
<p>If you were saving something, it may not have been saved: check it before you try again, in a minute.</p></main></html>
"});
    return (deliver);
}

sub vcl_deliver {
    # The site failed a reader's page (before the probe noticed, or with an error of its own):
    # look again, this time taking the copy kept in grace. Once only, and only for a page Varnish
    # may cache (never a form post, the dashboard or a navigation request).
    if (resp.status >= 500 && req.restarts == 0 && req.http.X-Ledger-Cacheable) {
        set req.http.X-Ledger-Stale = "1";
        return (restart);
    }

    # Tags are for caches; Surrogate-Key stays for a CDN in front.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
