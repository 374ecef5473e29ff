using InvoiceFirst.Bench;

// dotnet run -c Release --project tests/InvoiceFirst.Bench -- <scenario> [--option value ...]
return await BenchCommand.RunAsync(args, Console.Out);
