// Every module's test rigs under one import, for end-to-end tests and benchmarks that cross
// modules. A module's own tests import only their module's rigs, so they link only what they use.
@_exported import TestSupport
@_exported import KioskTime
@_exported import KioskDomainTesting
@_exported import IDCardReaderTesting
@_exported import PhotoCheckTesting
@_exported import ReceiptPrinterTesting
@_exported import TerminalUITesting
@_exported import KioskStoreTesting
@_exported import CentralServiceTesting
@_exported import KioskOperationsTesting
