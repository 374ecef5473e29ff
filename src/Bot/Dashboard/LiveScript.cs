namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The dashboard's only script. When one of the merchant's invoices changes (the merchant's event stream), the page's
/// main part is fetched again and swapped in, so what is shown follows without a reload; a page with a form being
/// filled in (<c>data-live="off"</c>, or a field in use) is left alone. It also shows the copy buttons, which need it.
/// Without JavaScript the pages are the same, only still, and a link is copied from its box.
/// </summary>
public static class LiveScript
{
    public const string Source = """
        (() => {
          const showCopyButtons = () => { for (const b of document.querySelectorAll('[data-copy]')) b.hidden = false; };
          document.addEventListener('click', e => {
            const button = e.target.closest('[data-copy]');
            const box = button && document.getElementById(button.dataset.copy);
            if (!box || !navigator.clipboard) return;
            navigator.clipboard.writeText(box.value).then(() => { button.textContent = button.dataset.copied; });
          });
          showCopyButtons();
          if (!window.EventSource) return;
          const stream = new EventSource('/app/events');
          let queued = false;
          async function refresh() {
            const main = document.querySelector('main');
            if (!main || main.dataset.live === 'off') { queued = false; return; }
            if (main.contains(document.activeElement) && document.activeElement.matches('input, select, textarea')) { setTimeout(refresh, 2000); return; }
            queued = false;
            const response = await fetch(location.href, { credentials: 'same-origin' });
            if (!response.ok || response.redirected) return;
            const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
            if (next) { main.replaceWith(next); showCopyButtons(); document.documentElement.dataset.refreshed = String(Date.now()); }
          }
          const types = ['invoice.created', 'invoice.sent', 'invoice.paid', 'invoice.partially_paid', 'invoice.expired', 'payment.failed', 'message.failed'];
          for (const type of types) {
            stream.addEventListener(type, () => { if (!queued) { queued = true; setTimeout(refresh, 250); } });
          }
        })();
        """;
}
