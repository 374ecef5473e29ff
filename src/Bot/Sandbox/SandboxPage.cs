using InvoiceFirst.Data.Domain;
using System.Net;
using System.Text.Json;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>The two-phone sandbox page: plain HTML, CSS and a little JavaScript, no framework.</summary>
public static class SandboxPage
{
    public static string Render(string merchantPhone, IReadOnlyList<string> customerPhones, IReadOnlyCollection<string> withoutWhatsApp, string shortCode)
    {
        var options = string.Join("", customerPhones.Select(p =>
            $"<option value=\"{p}\">{WebUtility.HtmlEncode(MobileNumber.ToLocal(p))}{(withoutWhatsApp.Contains(p) ? " (SMS only)" : "")}</option>"));
        return Template
            .Replace("{{MERCHANT}}", WebUtility.HtmlEncode(merchantPhone))
            .Replace("{{MERCHANT_LOCAL}}", WebUtility.HtmlEncode(MobileNumber.ToLocal(merchantPhone)))
            .Replace("{{CUSTOMER_OPTIONS}}", options)
            .Replace("{{SHORTCODE}}", WebUtility.HtmlEncode(shortCode))
            .Replace("{{CONFIG}}", JsonSerializer.Serialize(new { merchant = merchantPhone }));
    }

    private const string Template = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>InvoiceFirst sandbox</title>
        <style>
          :root { --wa: #075e54; --bubble-in: #fff; --bubble-out: #dcf8c6; --mpesa: #00a651; }
          * { box-sizing: border-box; }
          body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #eef1f4; color: #1c1e21; }
          header { padding: 12px 16px; background: #fff8e1; border-bottom: 1px solid #f0d58c; }
          header strong { color: #8a6d00; }
          main { display: flex; flex-wrap: wrap; gap: 24px; justify-content: center; padding: 16px; }
          .phone { width: 360px; max-width: 100%; height: 640px; display: flex; flex-direction: column; background: #ece5dd;
                   border: 10px solid #222; border-radius: 28px; overflow: hidden; position: relative; }
          .bar { background: var(--wa); color: #fff; padding: 10px 12px; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
          .bar select { font: inherit; }
          .chat { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
          .msg { max-width: 85%; padding: 6px 9px; border-radius: 8px; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px 1px rgba(0,0,0,.1); }
          .msg.in { background: var(--bubble-in); align-self: flex-start; }
          .msg.out { background: var(--bubble-out); align-self: flex-end; }
          .msg.sms { background: #e8eaf6; border-left: 4px solid #3f51b5; }
          .tag { display: inline-block; font-size: 11px; font-weight: 600; color: #3f51b5; margin-bottom: 2px; }
          .buttons { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
          .buttons button { background: #fff; color: #00a5f4; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; font: inherit; cursor: pointer; }
          form { display: flex; gap: 6px; padding: 8px; background: #f0f0f0; }
          form input { flex: 1; padding: 9px 12px; border-radius: 20px; border: 1px solid #ccc; font: inherit; }
          form button { border: 0; background: var(--wa); color: #fff; border-radius: 20px; padding: 0 14px; font: inherit; cursor: pointer; }
          .prompt, .sheet { position: absolute; inset: auto 12px 70px 12px; background: #fff; border-radius: 12px; padding: 14px;
                    box-shadow: 0 6px 24px rgba(0,0,0,.35); border-top: 6px solid var(--mpesa); }
          .prompt h3, .sheet h3 { margin: 0 0 6px; color: var(--mpesa); font-size: 16px; }
          .prompt input, .sheet input { width: 100%; padding: 8px; margin: 8px 0; font: inherit; letter-spacing: 4px; }
          .prompt .actions, .sheet .actions { display: flex; gap: 6px; flex-wrap: wrap; }
          .prompt .actions button, .sheet .actions button { flex: 1; padding: 8px; border-radius: 6px; border: 1px solid #ccc; font: inherit; cursor: pointer; }
          .prompt .actions .ok, .sheet .actions .ok { background: var(--mpesa); color: #fff; border-color: var(--mpesa); }
          .paybill { margin: 0 8px 6px; padding: 6px; border-radius: 6px; border: 1px solid var(--mpesa); background: #fff; color: var(--mpesa); font: inherit; cursor: pointer; }
          .sheet input { letter-spacing: normal; }
          .hint { color: #555; font-size: 13px; text-align: center; padding: 4px 16px; }
          a { color: #0b57d0; }
        </style>
        </head>
        <body>
        <header><strong>Sandbox</strong> — nothing here reaches WhatsApp, SMS or M-PESA, and no real money moves.
          Try <code>invoice 0712345678 1500 Website design</code> on the merchant phone, or <code>new</code>.</header>
        <main>
          <section class="phone" id="merchant" aria-label="Merchant phone">
            <div class="bar"><span>Merchant · {{MERCHANT_LOCAL}}</span></div>
            <div class="chat" data-chat></div>
            <form data-send><input name="text" autocomplete="off" placeholder="Message" aria-label="Merchant message"><button>Send</button></form>
          </section>
          <section class="phone" id="customer" aria-label="Customer phone">
            <div class="bar"><span>Customer</span><select id="customer-number" aria-label="Customer number">{{CUSTOMER_OPTIONS}}</select></div>
            <div class="chat" data-chat></div>
            <div data-prompt></div>
            <div data-paybill hidden class="sheet" role="dialog" aria-label="Pay by Paybill">
              <h3>M-PESA · Pay Bill</h3>
              <div>Business no. {{SHORTCODE}}</div>
              <input name="account" placeholder="Account no. (invoice number)" aria-label="Account number" autocomplete="off">
              <input name="amount" inputmode="numeric" placeholder="Amount" aria-label="Amount" autocomplete="off">
              <div class="actions"><button class="ok" data-paybill-send>Send</button><button data-paybill-close>Cancel</button></div>
            </div>
            <button type="button" class="paybill" data-paybill-open>Pay by Paybill</button>
            <form data-send><input name="text" autocomplete="off" placeholder="Message" aria-label="Customer message"><button>Send</button></form>
          </section>
        </main>
        <p class="hint">Replies appear as they are sent. SMS messages are marked SMS. M-PESA prompts appear on the customer phone.</p>
        <script>
        const config = {{CONFIG}};
        const phones = { merchant: document.getElementById('merchant'), customer: document.getElementById('customer') };
        const picker = document.getElementById('customer-number');
        const number = who => who === 'merchant' ? config.merchant : picker.value;
        const seen = { merchant: '', customer: '', prompt: '' };

        async function send(who, body) {
          await fetch('/sandbox/send', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(Object.assign({ from: number(who) }, body)) });
          refresh();
        }
        for (const who of ['merchant', 'customer']) {
          phones[who].querySelector('[data-send]').addEventListener('submit', e => {
            e.preventDefault();
            const input = e.target.elements.text;
            if (!input.value.trim()) return;
            send(who, { text: input.value });
            input.value = '';
          });
        }
        const paybill = phones.customer.querySelector('[data-paybill]');
        phones.customer.querySelector('[data-paybill-open]').addEventListener('click', () => { paybill.hidden = false; });
        paybill.querySelector('[data-paybill-close]').addEventListener('click', () => { paybill.hidden = true; });
        paybill.querySelector('[data-paybill-send]').addEventListener('click', async () => {
          const account = paybill.querySelector('[name=account]'), amount = paybill.querySelector('[name=amount]');
          paybill.hidden = true;
          await fetch('/sandbox/paybill', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ from: number('customer'), account: account.value, amount: Number(amount.value) }) });
          account.value = ''; amount.value = '';
          refresh();
        });
        picker.addEventListener('change', () => { seen.customer = ''; seen.prompt = ''; refresh(); });

        function linkify(el, text) {
          for (const part of text.split(/(https?:\/\/\S+)/)) {
            if (/^https?:\/\//.test(part)) { const a = document.createElement('a'); a.href = part; a.textContent = part; a.target = '_blank'; el.append(a); }
            else el.append(document.createTextNode(part));
          }
        }
        function render(who, items) {
          const key = JSON.stringify(items);
          if (seen[who] === key) return;
          seen[who] = key;
          const chat = phones[who].querySelector('[data-chat]');
          chat.replaceChildren();
          for (const item of items) {
            const bubble = document.createElement('div');
            bubble.className = 'msg ' + item.direction + (item.channel === 'sms' ? ' sms' : '');
            bubble.dataset.channel = item.channel;
            if (item.channel === 'sms') { const tag = document.createElement('div'); tag.className = 'tag'; tag.textContent = 'SMS'; bubble.append(tag); }
            const text = document.createElement('div'); linkify(text, item.text); bubble.append(text);
            if (item.buttons.length) {
              const box = document.createElement('div'); box.className = 'buttons';
              for (const b of item.buttons) {
                const button = document.createElement('button');
                button.type = 'button'; button.textContent = b.title; button.dataset.buttonId = b.id;
                button.addEventListener('click', () => send(who, { button_id: b.id, button_title: b.title }));
                box.append(button);
              }
              bubble.append(box);
            }
            chat.append(bubble);
          }
          chat.scrollTop = chat.scrollHeight;
        }
        function renderPrompt(prompts) {
          const pending = prompts.filter(p => p.status === 'pending').pop();
          const key = pending ? pending.checkoutRequestId : '';
          if (seen.prompt === key) return;
          seen.prompt = key;
          const host = phones.customer.querySelector('[data-prompt]');
          host.replaceChildren();
          if (!pending) return;
          const box = document.createElement('div'); box.className = 'prompt'; box.setAttribute('role', 'dialog');
          box.innerHTML = '<h3>M-PESA</h3><div data-text></div><input type="password" inputmode="numeric" maxlength="4" placeholder="Enter M-PESA PIN" aria-label="M-PESA PIN">'
            + '<div class="actions"><button class="ok" data-outcome="approved">OK</button><button data-outcome="cancelled">Cancel</button><button data-outcome="timeout">Let it time out</button></div>';
          box.querySelector('[data-text]').textContent =
            `Do you want to pay KES ${pending.amountShillings.toLocaleString('en-KE')} to account ${pending.accountReference}?`;
          for (const b of box.querySelectorAll('[data-outcome]')) {
            b.addEventListener('click', async () => {
              box.remove(); seen.prompt = '';
              await fetch(`/sandbox/prompts/${encodeURIComponent(pending.checkoutRequestId)}/${b.dataset.outcome}`, { method: 'POST' });
              refresh();
            });
          }
          host.append(box);
        }
        async function refresh() {
          try {
            const response = await fetch(`/sandbox/feed?merchant=${number('merchant')}&customer=${number('customer')}`);
            if (!response.ok) return;
            const feed = await response.json();
            render('merchant', feed.merchant); render('customer', feed.customer); renderPrompt(feed.prompts);
          } catch { /* the next poll tries again */ }
        }
        refresh();
        setInterval(refresh, 700);
        </script>
        </body>
        </html>
        """;
}
