
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0017614b402c0890': str`Progres belajar ${0}`,
's010ef8dd159517f9': str`${0} JP lagi untuk mencapai batas minimal tahunan.`,
's06e80315ac9995b9': `Belum ada`,
's211a3337a2c41e91': str`${0} JP`,
's2fcbeea2e03f07b6': str`${0} dari ${1} JP`,
's3205d7838e3cbe90': `Umpan balik terakhir`,
's3290294ec17f95a8': `Terjadi kesalahan pada server. Coba lagi sebentar lagi.`,
's4002d554ef3e5064': `Memuat progres belajar…`,
's52e8ce4efa28ab9b': `Berisiko`,
's562bba677609419b': str`Setiap ASN berhak dan wajib mengikuti pengembangan kompetensi paling sedikit ${0} JP per tahun. Satu pelatihan, seminar, atau e-learning sudah menjadi awal yang baik!`,
's582cdfb4397fedd5': `Umpan balik diterima`,
's69886c7685128665': `Anda sedang luring. Menampilkan data terakhir yang dimuat; data diperbarui saat koneksi kembali.`,
's7eb2a4307ac1611f': `Sasaran`,
's81c56d2d2ad2f224': `Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.`,
's81d3fe49a72b16e2': `Manajerial`,
's863fabcebef54ac7': `Progres untuk pegawai ini tidak ditemukan.`,
's88e65845b1af4146': `Anda sedang luring. Sambungkan ke internet lalu coba lagi.`,
's8a6a9ed357b7c5a8': `Teknis`,
's931e6070baeeb711': `Sasaran dan umpan balik`,
's9562727f3a9ffa1d': `Sosial kultural`,
's982f566997184534': `Anda tidak memiliki akses ke progres pegawai ini.`,
'sa45a194b58837e4f': `Aktif`,
'saa521111c8d1fe0e': `Sesi Anda telah berakhir. Masuk kembali untuk melihat progres Anda.`,
'sb47daaf9e1c4a905': `Bulan`,
'sb7f868df112a5b7c': `Progres belajar tidak dapat dimuat`,
'sb8d615461785ee16': str`Diperbarui ${0} WIT`,
'sc40081a2cebdc30e': `Anda sedang luring. Progres dimuat saat koneksi kembali.`,
'sc5f99f729e016f7f': `Per jenis kompetensi`,
'sc77638997d0cfce4': str`Batas minimal ${0} JP per tahun sudah tercapai. Kerja bagus!`,
'scd1dd6ff53d0d01a': `Coba lagi`,
'se0dd7d5001d16249': `Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.`,
'se624e75790ee4810': `Tercapai`,
'se7fe8924ac97cd42': `JP per bulan`,
'sf1d88031480127dc': str`JP tahun ${0}`,
'sf449ceff0b7f1443': `Belum ada pembelajaran tercatat tahun ini`,
'sf56c10b02d3a5353': `Server terlalu lama menjawab. Jaringan mungkin sedang lambat; coba lagi.`,
    };
  