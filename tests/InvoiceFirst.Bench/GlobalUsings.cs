global using System.Diagnostics;
global using Dapper;
global using InvoiceFirst.Bench.Load;
global using InvoiceFirst.Bench.Reporting;
global using Npgsql;
