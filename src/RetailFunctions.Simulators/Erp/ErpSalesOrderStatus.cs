namespace RetailFunctions.Simulators.Erp;

public enum ErpSalesOrderStatus
{
    Open,
    Cancelled,
    Invoiced,
}
