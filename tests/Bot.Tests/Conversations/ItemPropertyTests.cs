using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Products;

namespace InvoiceFirst.Bot.Tests.Conversations;

/// <summary>However items are written, the invoice's total is the sum of quantity × price of each, and VAT never loses a shilling.</summary>
public sealed class ItemPropertyTests
{
    private static readonly string[] Names = ["cement", "Sand", "delivery", "Mabati", "labour", "TV stand", "unga wa ngano"];

    // Each item written one of the ways merchants write it, with its quantity and unit price.
    private static readonly Gen<(string Text, long Quantity, long Unit)> Item =
        from name in Gen.Elements(Names)
        from quantity in Gen.Choose(1, 50)
        from unit in Gen.Choose(1, 20_000)
        from form in Gen.Choose(0, 5)
        select form switch
        {
            0 => ($"{quantity} {name} @{unit}", (long)quantity, (long)unit),
            1 => ($"{quantity} x {name} @ KES {unit.ToString("N0", CultureInfo.InvariantCulture)}", quantity, unit),
            2 => ($"{name} {quantity}x{unit}", quantity, unit),
            3 => ($"{name} {quantity} @ {unit} bob", quantity, unit),
            4 => ($"{name} {unit}", 1L, unit),
            _ => ($"{quantity}x {name} @{unit}", quantity, unit),
        };

    [Property(MaxTest = 500)]
    public Property Parse_AnyItemsAsWritten_TotalIsTheSumOfQuantityTimesPrice() =>
        Prop.ForAll(Item.ArrayOf().Where(a => a.Length is > 0 and <= 12).ToArbitrary(), items =>
        {
            var text = string.Join(", ", items.Select(i => i.Text));
            var parsed = ItemListParser.Parse(text, long.MaxValue / 1000);
            var resolved = ItemResolver.Resolve(parsed.Items, [], long.MaxValue / 1000) as ItemResolution.Resolved;
            var draft = new InvoiceDraft().WithItems(resolved?.Items);
            return parsed.IsSuccess && resolved is not null
                && resolved.Items.Select(i => (i.Quantity, i.UnitShillings)).SequenceEqual(items.Select(i => ((int)i.Quantity, i.Unit)))
                && draft.AmountShillings == items.Sum(i => i.Quantity * i.Unit);
        });

    [Property(MaxTest = 300)]
    public Property Resolve_SavedItemsByName_TotalIsCountTimesSavedPrice() =>
        Prop.ForAll(Gen.Choose(1, 999).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), (count, price) =>
        {
            Product[] saved = [new() { Id = 1, Name = "Cement", UnitAmountCents = Money.FromShillings(price).Cents }];
            var parsed = ItemListParser.Parse($"{count} cement, delivery 300");
            var resolved = (ItemResolution.Resolved)ItemResolver.Resolve(parsed.Items, saved, long.MaxValue / 1000);
            return DraftItem.Sum(resolved.Items) == (long)count * price + 300;
        });

    [Property(MaxTest = 2000)]
    public Property Vat_AnyAmountAnyMode_NetPlusVatIsGrossInWholeShillings() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Elements(Enum.GetValues<VatMode>()).ToArbitrary(), (shillings, mode) =>
        {
            var charged = Money.FromShillings(shillings);
            var vat = VatBreakdown.For(mode, charged);
            var rate = (double)vat.Vat.Cents / vat.Net.Cents;
            return vat.Net + vat.Vat == vat.Gross
                && vat.Net.IsWholeShillings && vat.Vat.IsWholeShillings
                && mode switch
                {
                    VatMode.None => vat.Gross == charged && vat.Vat == Money.Zero,
                    VatMode.Inclusive => vat.Gross == charged && Math.Abs(vat.Net.Shillings * 1.16 - shillings) <= 0.58,
                    _ => vat.Net == charged && Math.Abs(vat.Vat.Shillings - shillings * 0.16) <= 0.5,
                };
        });

    [Theory]
    [InlineData(VatMode.Inclusive, 1000, 862, 138, 1000)]
    [InlineData(VatMode.Inclusive, 58, 50, 8, 58)]
    [InlineData(VatMode.Exclusive, 1000, 1000, 160, 1160)]
    [InlineData(VatMode.Exclusive, 3, 3, 0, 3)]
    [InlineData(VatMode.Exclusive, 25, 25, 4, 29)]
    [InlineData(VatMode.None, 1500, 1500, 0, 1500)]
    public void Vat_Rounding_IsHalfUpToTheShilling(VatMode mode, long charged, long net, long vat, long gross)
    {
        var totals = VatBreakdown.For(mode, Money.FromShillings(charged));

        Assert.Equal((net, vat, gross), (totals.Net.Shillings, totals.Vat.Shillings, totals.Gross.Shillings));
    }
}
