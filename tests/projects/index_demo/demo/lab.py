from .devices import Backend

Backend().run(circuit)
