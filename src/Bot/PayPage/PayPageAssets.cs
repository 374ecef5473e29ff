namespace InvoiceFirst.Bot.PayPage;

/// <summary>The page's inline style and script: one request, nothing to fetch on a slow 3G connection.</summary>
public static class PayPageAssets
{
    public const string Css = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f5f4;color:#1b1f1d}
        main{max-width:420px;margin:0 auto;padding:16px}.card{background:#fff;border-radius:12px;padding:18px;margin-bottom:14px;box-shadow:0 1px 3px #0002}
        h1{font-size:1.1rem;margin:0 0 4px}.muted{color:#5c6661;font-size:.9rem}.amount{font-size:1.9rem;font-weight:700;margin:10px 0 2px}
        dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:12px 0 0}dt{color:#5c6661}dd{margin:0;text-align:right;font-weight:600}
        label{display:block;font-weight:600;margin:4px 0 6px}input{width:100%;font-size:1.1rem;padding:12px;border:1px solid #b7c2bc;border-radius:8px}
        button,.button{display:block;width:100%;margin-top:12px;padding:14px;border:0;border-radius:8px;background:#2e9e3e;color:#fff;font-size:1.1rem;font-weight:700;text-align:center;text-decoration:none}
        .notice{padding:12px;border-radius:8px;background:#e8f5ea;margin-bottom:12px}.error{background:#fdecea;color:#8a1c12}
        .state{font-size:1.3rem;font-weight:700;text-align:center;padding:8px 0}.paid{color:#2e7d32}.closed{color:#8a1c12}
        .lang{text-align:right;font-size:.9rem;margin:0 0 8px}.lang a{color:#1b5e20}.receipt{font-family:ui-monospace,monospace}.qr{text-align:center}.qr img{width:180px;height:180px;image-rendering:pixelated}ol{padding-left:20px;margin:8px 0 0}
        """;

    /// <summary>
    /// Polls the status endpoint. Once the invoice is paid it loads the page afresh, which then shows the receipt
    /// and nothing left to pay; any other answer rewrites the waiting card in the page's language (its data attributes).
    /// </summary>
    public const string PollScript = """
        (function(){var el=document.getElementById('waiting');if(!el)return;var d=el.dataset,every=+d.poll||3000,tries=0;
        var here=location.pathname.replace(/\/$/,''),page=here+'?lang='+encodeURIComponent(d.lang||'en');
        function show(cls,text,label){el.className='card';el.innerHTML='';var p=document.createElement('p');p.className='state '+cls;p.textContent=text;el.appendChild(p);
        var a=document.createElement('a');a.className='button';a.href=page;a.textContent=label;el.appendChild(a);}
        function tick(){tries++;fetch(here+'/status?lang='+encodeURIComponent(d.lang||'en'),{cache:'no-store'}).then(function(r){return r.json()}).then(function(s){
        if(s.paid){location.replace(page);return;}
        if(s.payment_status&&s.payment_status!=='INITIATED'){var ok=s.payment_status==='SUCCESS';show(ok?'paid':'closed',s.message||d.failed,ok?d.next:d.again);return;}
        if(tries<60)setTimeout(tick,every);}).catch(function(){if(tries<60)setTimeout(tick,every*2);});}
        setTimeout(tick,every);})();
        """;
}
