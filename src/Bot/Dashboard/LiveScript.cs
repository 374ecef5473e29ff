namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The dashboard's only script: when one of the merchant's invoices changes (the merchant's event stream), the
/// page's main part is fetched again and swapped in, so what is shown follows without a reload. Without
/// JavaScript the pages are the same, only still.
/// </summary>
public static class LiveScript
{
    public const string Source = """
        (() => {
          if (!window.EventSource) return;
          const stream = new EventSource('/app/events');
          let queued = false;
          async function refresh() {
            queued = false;
            const response = await fetch(location.href, { credentials: 'same-origin' });
            if (!response.ok || response.redirected) return;
            const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
            const main = document.querySelector('main');
            if (next && main) { main.replaceWith(next); document.documentElement.dataset.refreshed = String(Date.now()); }
          }
          const types = ['invoice.created', 'invoice.sent', 'invoice.paid', 'invoice.partially_paid', 'invoice.expired', 'payment.failed', 'message.failed'];
          for (const type of types) {
            stream.addEventListener(type, () => { if (!queued) { queued = true; setTimeout(refresh, 250); } });
          }
        })();
        """;
}
