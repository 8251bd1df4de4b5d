package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

func main() {
	b := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9}
	fmt.Println(binary.LittleEndian.Uint16(b), binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint64(b))
	fmt.Println(binary.BigEndian.Uint16(b), binary.BigEndian.Uint32(b), binary.BigEndian.Uint64(b))
	buf := make([]byte, 8)
	for _, o := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		o.PutUint16(buf, 0xABCD)
		fmt.Printf("%s % x ", o, buf)
		o.PutUint32(buf, 0xDEADBEEF)
		fmt.Printf("% x ", buf)
		o.PutUint64(buf, 0x0102030405060708)
		fmt.Printf("% x %v\n", buf, o)
		ao := o.(binary.AppendByteOrder)
		fmt.Printf("% x\n", ao.AppendUint64(ao.AppendUint32(ao.AppendUint16([]byte{0xff}, 0x1234), 0x56789abc), 0x1122334455667788))
	}
	fmt.Printf("%#v %#v\n", binary.LittleEndian, binary.BigEndian)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		binary.BigEndian.Uint32([]byte{1, 2})
	}()
	vb := make([]byte, binary.MaxVarintLen64)
	for _, x := range []int64{0, 1, -1, 63, -64, 64, 300, -300, math.MaxInt64, math.MinInt64} {
		n := binary.PutVarint(vb, x)
		v, m := binary.Varint(vb[:n])
		fmt.Printf("%d: % x %d %d | ", x, vb[:n], v, m)
		un := binary.PutUvarint(vb, uint64(x))
		uv, um := binary.Uvarint(vb[:un])
		fmt.Printf("% x %d %d | %x %x\n", vb[:un], uv, um, binary.AppendVarint(nil, x), binary.AppendUvarint([]byte{9}, uint64(x)))
	}
	fmt.Println(binary.Uvarint([]byte{0x80, 0x80}))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}))
	fmt.Println(binary.Varint(nil))
	// Left out: EOF inside a varint, ErrUnexpectedEOF since Go 1.20 (plain EOF in 1.19).
	r := bytes.NewReader([]byte{0xac, 0x02, 0x03})
	fmt.Println(binary.ReadUvarint(r))
	fmt.Println(binary.ReadVarint(r))
	fmt.Println(binary.ReadUvarint(r))
	fmt.Println(binary.ReadUvarint(bytes.NewReader([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})))

	var w bytes.Buffer
	vals := []any{true, int8(-2), uint8(200), int16(-300), uint16(60000), int32(-70000), uint32(4000000000), int64(-5), uint64(1 << 63),
		float32(1.5), math.Pi, []uint16{1, 2, 3}, []float64{-0.5}, []bool{true, false}, []int8{-1}, []byte("hi"), []int32{7}, []uint32{8}, []int64{9}, []uint64{10}, []float32{2.25}, []int16{-4}}
	for _, o := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		w.Reset()
		for _, v := range vals {
			if err := binary.Write(&w, o, v); err != nil {
				fmt.Println(err)
			}
		}
		fmt.Printf("%d % x\n", w.Len(), w.Bytes())
		rd := bytes.NewReader(w.Bytes())
		var (
			bo  bool
			i8  int8
			u8  uint8
			i16 int16
			u16 uint16
			i32 int32
			u32 uint32
			i64 int64
			u64 uint64
			f32 float32
			f64 float64
		)
		s16 := make([]uint16, 3)
		sf := make([]float64, 1)
		for _, p := range []any{&bo, &i8, &u8, &i16, &u16, &i32, &u32, &i64, &u64, &f32, &f64, s16, sf} {
			if err := binary.Read(rd, o, p); err != nil {
				fmt.Println(err)
			}
		}
		fmt.Println(bo, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, s16, sf, rd.Len())
	}
	x := int32(5)
	pw := &w
	pw.Reset()
	binary.Write(pw, binary.BigEndian, &x)
	fmt.Printf("% x\n", w.Bytes())
	fmt.Println(binary.Write(&w, binary.BigEndian, 5), binary.Write(&w, binary.BigEndian, "s"), binary.Write(&w, binary.BigEndian, []int{1}))
	var n int
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4, 5, 6, 7, 8}), binary.LittleEndian, &n))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, int32(0)))
	var y uint32
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &y))
	fmt.Println(binary.Read(bytes.NewReader(nil), binary.LittleEndian, &y) == io.EOF)
	fmt.Println(binary.Size(uint16(1)), binary.Size([]uint32{1, 2}), binary.Size(&x), binary.Size(3), binary.Size("x"))
}
