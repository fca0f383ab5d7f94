import Foundation

extension KioskConfiguration {
    /// The configuration as a TOML document, every key written (unset optional strings as "").
    ///
    /// Parsing this text gives back an equal configuration (the property tests rely on it), and
    /// `kioskd --check-config --print` shows a technician what is in force after defaults.
    public var tomlText: String {
        func quote(_ text: String?) -> String { JSONText.quote(text ?? "") }  // TOML basic strings escape like JSON
        func seconds(_ duration: Duration) -> String { "\(duration.components.seconds)" }
        let listen = status.host.contains(":") ? "[\(status.host)]:\(status.port)" : "\(status.host):\(status.port)"
        return """
        region = \(quote(region))
        demo = \(demo)
        data_directory = \(quote(dataDirectory))

        [terminal]
        id = \(quote(terminal.id))
        key_file = \(quote(terminal.keyFile))

        [central]
        url = \(quote(central.url.absoluteString))
        ca_file = \(quote(central.caFile))
        pin_ca = \(central.pinCA)
        progress_url = \(quote(central.progressURL))

        [devices]
        reader = \(quote(devices.reader))
        printer_queue = \(quote(devices.printerQueue))
        photo_folder = \(quote(devices.photoFolder))
        camera_command = \(quote(devices.cameraCommand))

        [timeouts]
        idle_seconds = \(seconds(timeouts.idle))
        form_idle_seconds = \(seconds(timeouts.formIdle))
        warning_seconds = \(seconds(timeouts.warning))

        [status]
        listen = \(quote(listen))
        token_file = \(quote(status.tokenFile))

        [heartbeat]
        interval_seconds = \(seconds(heartbeat.interval))

        [speech]
        command = \(quote(speech.command))
        volume = \(speech.volume)

        [demo_world]
        central = \(quote(demoWorld.central.rawValue))

        [technician]
        pin_hash = \(quote(technician.pinHash))

        """
    }
}
